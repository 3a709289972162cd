package dev.muxbar.bench;

import dev.muxbar.api.ApiClient;
import dev.muxbar.cli.Target;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench-events} (hidden; used by scripts/bench/events): SSE clients of {@code GET /events} on
 * raw Unix sockets (each counts the HTTP chunks it gets — one per write — and when each marked event
 * arrives), while agent events are posted at a fixed rate with a marker in their message. Runs the
 * load three times — no SSE clients, N healthy clients, N-1 healthy + one that never reads — and
 * prints delivery latency, writes per client per second, daemon CPU per event and RSS side by side;
 * then checks that a reconnect with Last-Event-ID gets exactly what it missed.
 */
@Command(
        name = "bench-events",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Event stream load (benchmark).")
final class BenchEventsCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(names = "--clients", defaultValue = "50")
    int clients;

    @Option(names = "--rate", defaultValue = "200")
    int rate;

    @Option(names = "--seconds", defaultValue = "10")
    int seconds;

    @Option(names = "--pid", required = true, description = "The daemon's pid (for CPU and RSS).")
    long pid;

    private static final Pattern MARK = Pattern.compile("\"message\":\"b([0-9]+)\"");
    private static final Pattern ID = Pattern.compile("(?m)^id: ([0-9]+)$");

    /** One SSE client on a raw socket. */
    private final class Reader implements AutoCloseable {
        final SocketChannel ch;
        final Thread thread;
        final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        final AtomicLong chunks = new AtomicLong();
        final List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        volatile boolean sawSnapshot;
        volatile boolean open = true;

        Reader(String query, String lastEventId, boolean reads, long[] sentAt) throws IOException {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            if (!reads) {
                ch.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            }
            ch.connect(UnixDomainSocketAddress.of(target.paths().socket()));
            String req = "GET /events" + query + " HTTP/1.1\r\nHost: muxbar\r\n"
                    + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n";
            ch.write(ByteBuffer.wrap(req.getBytes(StandardCharsets.US_ASCII)));
            thread = new Thread(
                    () -> {
                        if (!reads) {
                            return; // a client that stops reading: its socket fills and stays full
                        }
                        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
                        java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
                        boolean[] body = {false};
                        try {
                            while (open && ch.read(buf) >= 0) {
                                long now = System.nanoTime();
                                pending.write(buf.array(), 0, buf.position());
                                buf.clear();
                                byte[] rest = consume(pending.toByteArray(), body, now, sentAt);
                                pending.reset();
                                pending.write(rest, 0, rest.length);
                            }
                        } catch (IOException e) {
                            // closed
                        }
                    },
                    "sse-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Chunked body: "SIZE\r\nDATA" then "\r\n" — which Jetty sends with the next chunk — each chunk
         * one write of the daemon. Returns the unread rest.
         */
        private byte[] consume(byte[] b, boolean[] body, long now, long[] sentAt) {
            int i = 0;
            if (!body[0]) {
                int h = indexOf(b, 0, "\r\n\r\n");
                if (h < 0) {
                    return b;
                }
                body[0] = true;
                i = h + 4;
            }
            while (true) {
                if (b.length >= i + 2 && b[i] == '\r' && b[i + 1] == '\n') {
                    i += 2; // the end of the chunk before
                }
                int eol = indexOf(b, i, "\r\n");
                if (eol < 0) {
                    break;
                }
                int size;
                try {
                    size = Integer.parseInt(new String(b, i, eol - i, StandardCharsets.US_ASCII).trim(), 16);
                } catch (NumberFormatException e) {
                    break;
                }
                if (b.length < eol + 2 + size) {
                    break; // the chunk is not all here yet
                }
                String data = new String(b, eol + 2, size, StandardCharsets.UTF_8);
                i = eol + 2 + size;
                chunks.incrementAndGet();
                sawSnapshot |= data.contains("event: snapshot");
                Matcher id = ID.matcher(data);
                while (id.find()) {
                    ids.add(Long.parseLong(id.group(1)));
                }
                Matcher m = MARK.matcher(data);
                while (m.find()) {
                    int seq = Integer.parseInt(m.group(1));
                    if (seq < sentAt.length && sentAt[seq] > 0) {
                        latencies.add((now - sentAt[seq]) / 1e6);
                    }
                }
            }
            return java.util.Arrays.copyOfRange(b, i, b.length);
        }

        private int indexOf(byte[] b, int from, String what) {
            byte[] w = what.getBytes(StandardCharsets.US_ASCII);
            outer:
            for (int k = from; k <= b.length - w.length; k++) {
                for (int j = 0; j < w.length; j++) {
                    if (b[k + j] != w[j]) {
                        continue outer;
                    }
                }
                return k;
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            open = false;
            ch.close();
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> panes = new ArrayList<>();
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            String state = api.get("/state").body();
            Matcher m = Pattern.compile("\"id\":\"(%[0-9]+)\"[^}]*?\"sidebar\":false")
                    .matcher(state);
            while (m.find() && panes.size() < 20) {
                panes.add(m.group(1));
            }
        }
        System.out.printf(
                "load: %d agent events/s for %d s across %d panes; %d SSE clients%n",
                rate, seconds, panes.size(), clients);
        System.out.printf(
                "%-34s %10s %10s %12s %14s %10s%n", "run", "p50 ms", "p99 ms", "writes/cl/s", "µs CPU/event", "RSS MB");
        run("no SSE clients (baseline)", panes, 0, false);
        run(clients + " clients", panes, clients, false);
        run((clients - 1) + " clients + 1 stalled", panes, clients, true);
        return reconnect(panes) ? 0 : 1;
    }

    private void run(String name, List<String> panes, int n, boolean stalled) throws Exception {
        long[] sentAt = new long[rate * seconds + 10];
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            readers.add(new Reader("?types=agents", null, !(stalled && i == 0), sentAt));
        }
        Thread.sleep(500);
        long cpu0 = ticks();
        long t0 = System.nanoTime();
        post(panes, sentAt);
        long t1 = System.nanoTime();
        long cpu1 = ticks();
        Thread.sleep(500); // the last frame delivered
        List<Double> all = new ArrayList<>();
        long chunks = 0;
        int healthy = 0;
        for (Reader r : readers) {
            if (stalled && r == readers.get(0)) {
                continue;
            }
            all.addAll(r.latencies);
            chunks += r.chunks.get();
            healthy++;
        }
        Collections.sort(all);
        double secs = (t1 - t0) / 1e9 + 0.5;
        double perEvent = (cpu1 - cpu0) * 1e6 / hz() / (double) (rate * seconds);
        long served = readers.stream().filter(r -> r.chunks.get() > 0).count();
        System.out.printf(
                "%-34s %10s %10s %12s %14.0f %10.1f%n",
                name + (n == 0 ? "" : " (" + served + " served)"),
                all.isEmpty() ? "-" : String.format("%.1f", pct(all, 50)),
                all.isEmpty() ? "-" : String.format("%.1f", pct(all, 99)),
                healthy == 0 ? "-" : String.format("%.1f", chunks / secs / healthy),
                perEvent,
                rssMb());
        for (Reader r : readers) {
            r.close();
        }
        // A client that closed is found when a write to it fails (the second heartbeat, 2.5 s apart):
        // let them go before the next run, which must not meet the client cap.
        Thread.sleep(n == 0 ? 300 : 6_000);
    }

    private void post(List<String> panes, long[] sentAt) throws IOException {
        String[] statuses = {"running", "tool-running", "running", "waiting"};
        try (ApiClient load = new ApiClient(target.paths().socket())) {
            long start = System.nanoTime();
            int total = rate * seconds;
            for (int i = 0; i < total; i++) {
                BenchCommand.paceTo(start, i, rate);
                sentAt[i] = System.nanoTime();
                load.post(
                        "/agent-event",
                        "{\"agent\":\"bench\",\"status\":\"" + statuses[i % statuses.length] + "\",\"pane\":\""
                                + panes.get(i % panes.size()) + "\",\"message\":\"b" + i + "\"}");
            }
        }
    }

    /** A client reads, leaves, events go on, it comes back with Last-Event-ID: the ring gives exactly what it missed. */
    private boolean reconnect(List<String> panes) throws Exception {
        long[] sentAt = new long[rate * 3 + 10];
        Reader first = new Reader("", null, true, sentAt);
        Thread.sleep(500);
        long last = first.ids.isEmpty() ? 0 : first.ids.get(first.ids.size() - 1);
        first.close();
        int savedSeconds = seconds;
        seconds = 1;
        post(panes, sentAt); // missed while away
        seconds = savedSeconds;
        Reader back = new Reader("", Long.toString(last), true, sentAt);
        Thread.sleep(1_000);
        back.close();
        List<Long> got;
        synchronized (back.ids) {
            got = new ArrayList<>(back.ids);
        }
        boolean contiguous = !got.isEmpty() && got.get(0) == last + 1;
        for (int i = 1; i < got.size() && contiguous; i++) {
            contiguous = got.get(i) == got.get(i - 1) + 1;
        }
        System.out.printf(
                "reconnect with Last-Event-ID %d after %d events: %s (%d events replayed, snapshot: %s)%n",
                last,
                rate,
                contiguous && !back.sawSnapshot ? "got exactly what it missed" : "LOST OR SNAPSHOT",
                got.size(),
                back.sawSnapshot);
        return contiguous && !back.sawSnapshot;
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private long ticks() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime (fields 14, 15)
    }

    private double rssMb() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return -1;
    }

    private static long hz() {
        return 100; // CLK_TCK on Linux
    }
}
