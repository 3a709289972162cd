package dev.muxbar.bench;

import dev.muxbar.agents.UsageBook;
import dev.muxbar.agents.UsageLedger;
import dev.muxbar.agents.UsageLine;
import dev.muxbar.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-usage} (hidden; used by scripts/bench/usage): what reading usage costs — µs per transcript
 * line (parse, read its usage, sum it into the book and the day ledger) next to parsing the line alone
 * (what the tailer pays anyway); the heap a tracked conversation takes; with {@code --tee SCRIPT}, the
 * wall time muxbar's statusLine tee adds to the user's statusLine command (each run alone, as Claude runs
 * it: {@code /bin/sh -c}, the JSON on stdin), p50 and p99 of both.
 */
@Command(name = "bench-usage", hidden = true, mixinStandardHelpOptions = true, description = "Usage (benchmark).")
final class BenchUsageCommand implements Callable<Integer> {

    @Option(names = "--lines", defaultValue = "200000")
    int lines;

    @Option(names = "--threads", defaultValue = "500")
    int threads;

    @Option(names = "--tee")
    String tee;

    @Option(names = "--runs", defaultValue = "200")
    int runs;

    @Override
    public Integer call() throws Exception {
        perLine();
        perConversation();
        if (tee != null) {
            teeTime();
        }
        return 0;
    }

    private static String line(int i) {
        return "{\"type\":\"assistant\",\"sessionId\":\"s" + (i % 20) + "\",\"timestamp\":\"2026-12-05T08:"
                + String.format("%02d:%02d.%03dZ", (i / 60_000) % 60, (i / 1000) % 60, i % 1000)
                + "\",\"message\":{\"id\":\"msg_" + i
                + "\",\"model\":\"claude-sonnet-4-5-20250929\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Looking at the failing test now.\"}],\"usage\":{\"input_tokens\":"
                + (i % 97) + ",\"cache_creation_input_tokens\":" + (i % 1300) + ",\"cache_read_input_tokens\":"
                + (15_000 + i % 5000) + ",\"output_tokens\":" + (i % 400) + "}}}";
    }

    private void perLine() throws Exception {
        List<String> text = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            text.add(line(i));
        }
        long sink = 0;
        long[] parse = new long[5];
        long[] usage = new long[5];
        for (int round = 0; round < 5; round++) { // the first rounds warm the JIT up; the median counts
            long t = System.nanoTime();
            for (String s : text) {
                sink += Json.parse(s).size();
            }
            parse[round] = System.nanoTime() - t;
            UsageBook book = UsageBook.load(null, m -> {}).countingInto(new UsageLedger(ZoneOffset.UTC));
            t = System.nanoTime();
            for (String s : text) {
                var n = Json.parse(s);
                book.apply(n.path("sessionId").asText(), UsageLine.of(n, false, 0));
            }
            usage[round] = System.nanoTime() - t;
            sink += book.snapshot().size();
        }
        Arrays.sort(parse);
        Arrays.sort(usage);
        double base = parse[2] / 1000.0 / lines;
        double with = usage[2] / 1000.0 / lines;
        System.out.printf(
                "usage per transcript line: %.2f µs (parse alone, the baseline: %.2f µs; usage adds %.2f µs, %.2f×) over %d lines [%d]%n",
                with, base, with - base, with / base, lines, sink % 10);
    }

    private void perConversation() {
        Runtime rt = Runtime.getRuntime();
        UsageBook book = UsageBook.load(null, m -> {}).countingInto(new UsageLedger(ZoneOffset.UTC));
        long before = used(rt);
        for (int i = 0; i < threads; i++) {
            for (int k = 0; k < 20; k++) {
                try {
                    var n = Json.parse(line(i * 20 + k).replace("\"sessionId\":\"s", "\"sessionId\":\"t" + i + "-"));
                    book.apply("thread-" + i, UsageLine.of(n, false, 0));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        long after = used(rt);
        System.out.printf(
                "memory per tracked conversation (book and day rows): %.1f KB over %d conversations [%d]%n",
                (after - before) / 1024.0 / threads, threads, book.snapshot().size());
    }

    private static long used(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private void teeTime() throws Exception {
        byte[] json = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
                System.getProperty("bench.statusline", "app/src/test/resources/usage/claude-statusline.json")));
        String user = "cat > /dev/null; printf '%s' 'Opus 5.5 | ctx 12%'";
        long[] alone = new long[runs];
        long[] through = new long[runs];
        for (int i = -20; i < runs; i++) { // 20 warm-up runs of each
            long a = run(json, "/bin/sh", "-c", user);
            long b = run(json, "/bin/sh", "-c", "'" + tee + "' '" + user.replace("'", "'\\''") + "'");
            if (i >= 0) {
                alone[i] = a;
                through[i] = b;
            }
        }
        Arrays.sort(alone);
        Arrays.sort(through);
        int p99 = (int) Math.ceil(runs * 0.99) - 1;
        System.out.printf(
                "statusLine tee: p50 %.1f ms, p99 %.1f ms through the tee; the user's command alone p50 %.1f ms, p99 %.1f ms"
                        + " (the baseline); added p50 %.1f ms, p99 %.1f ms over %d runs%n",
                through[runs / 2] / 1e6,
                through[p99] / 1e6,
                alone[runs / 2] / 1e6,
                alone[p99] / 1e6,
                (through[runs / 2] - alone[runs / 2]) / 1e6,
                (through[p99] - alone[p99]) / 1e6,
                runs);
    }

    /** Wall ns from start to the end of the output and exit, as Claude waits for it. */
    private static long run(byte[] stdin, String... cmd) throws Exception {
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        long d = System.nanoTime() - t;
        if (!new String(out, StandardCharsets.UTF_8).startsWith("Opus")) {
            throw new IllegalStateException("unexpected output: " + new String(out, StandardCharsets.UTF_8));
        }
        return d;
    }
}
