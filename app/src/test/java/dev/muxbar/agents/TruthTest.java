package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The accuracy suite, quick: every recording in {@code recordings/} replayed with each set of sources
 * (see {@link Replay}); prints the table {@code scripts/bench/truth} prints and holds the goals.
 */
class TruthTest {

    static final List<String> RECORDINGS = List.of("claude-permission-granted", "claude-permission-denied",
            "claude-rejected-with-feedback", "claude-question", "claude-plan", "claude-interrupt", "claude-api-error",
            "claude-subagent", "claude-compact", "claude-attach-mid-turn", "claude-resume", "claude-no-markers", "claude-parallel-tools", "claude-background-task",
            "codex-turn", "codex-old-no-task-complete", "codex-abort", "codex-error");

    static List<Replay.Step> recording(String name) throws IOException {
        try (InputStream in = TruthTest.class.getResourceAsStream("/recordings/" + name + ".jsonl")) {
            return Replay.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyRecordingIsRightEnoughWithEverySetOfSources() throws IOException {
        Map<Replay.Mode, long[]> totals = new EnumMap<>(Replay.Mode.class);
        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String name : RECORDINGS) {
            String agent = name.startsWith("codex") ? "codex" : "claude";
            StringBuilder line = new StringBuilder(String.format("%-30s", name));
            Map<Replay.Mode, Replay.Result> byMode = new EnumMap<>(Replay.Mode.class);
            for (Replay.Mode mode : Replay.Mode.values()) {
                Replay.Result r = Replay.run(name, agent, recording(name), mode);
                byMode.put(mode, r);
                long[] t = totals.computeIfAbsent(mode, m -> new long[6]);
                t[0] += r.rightMs();
                t[1] += r.totalMs();
                t[2] += r.falseWaitMs();
                t[3] += r.missedWaitMs();
                t[4] = Math.max(t[4], r.worstLatencyMs());
                t[5] = Math.max(t[5], r.maxRows());
                line.append(String.format(" %6.1f%%", 100 * r.accuracy()));
                if (Boolean.getBoolean("truth.verbose") && r.accuracy() < 0.99) {
                    System.out.println(name + " / " + mode.label + ":\n  " + String.join("\n  ", r.wrong()));
                }
                if (r.maxRows() > 1) {
                    failures.add(name + " " + mode.label + ": " + r.maxRows() + " rows for one agent");
                }
            }
            report.add(line.toString());
            // Adding a source never makes a recording worse.
            if (byMode.get(Replay.Mode.BOTH).rightMs() < byMode.get(Replay.Mode.HOOKS).rightMs() - 1_000) {
                failures.add(name + ": hooks + transcript (" + pct(byMode.get(Replay.Mode.BOTH)) + ") worse than hooks alone ("
                        + pct(byMode.get(Replay.Mode.HOOKS)) + ")\n  " + String.join("\n  ", byMode.get(Replay.Mode.BOTH).wrong()));
            }
        }
        System.out.printf("%-30s %7s %7s %7s %7s %7s%n", "recording", "transcr", "+regist", "hooks", "both", "all");
        report.forEach(System.out::println);
        StringBuilder sum = new StringBuilder(String.format("%-30s", "ALL (time-weighted)"));
        for (Replay.Mode m : Replay.Mode.values()) {
            long[] t = totals.get(m);
            sum.append(String.format(" %6.1f%%", 100.0 * t[0] / t[1]));
        }
        System.out.println(sum);
        List<String> extra = new ArrayList<>();
        extra.add(String.format("%-30s %7s %7s %7s %7s %7s", "", "transcr", "+regist", "hooks", "both", "all"));
        String[] names = {"shown waiting, not waiting (s)", "waiting, not shown (s)", "worst latency to truth (s)", "rows per agent, at most"};
        for (int k = 0; k < names.length; k++) {
            StringBuilder row = new StringBuilder(String.format("%-30s", names[k]));
            for (Replay.Mode m : Replay.Mode.values()) {
                long v = totals.get(m)[k + 2];
                row.append(k == 3 ? String.format(" %7d", v) : String.format(" %7.1f", v / 1000.0));
            }
            extra.add(row.toString());
        }
        extra.forEach(System.out::println);
        String out = System.getProperty("truth.out");
        if (out != null) {
            List<String> all = new ArrayList<>();
            all.add(String.format("%-30s %7s %7s %7s %7s %7s", "recording", "transcr", "+regist", "hooks", "both", "all"));
            all.addAll(report);
            all.add(sum.toString());
            all.add("");
            all.addAll(extra);
            java.nio.file.Files.write(java.nio.file.Path.of(out), all);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // Floors of this suite (its recordings include what no file shows: an approval, a manual
        // compaction, a tool run Codex 0.60 writes only afterwards); a change that lowers them is a regression.
        assertTrue(share(totals, Replay.Mode.TRANSCRIPT) >= 0.88, "transcripts alone: " + share(totals, Replay.Mode.TRANSCRIPT));
        assertTrue(share(totals, Replay.Mode.REGISTRY) >= 0.95, "registry + transcript: " + share(totals, Replay.Mode.REGISTRY));
        assertTrue(share(totals, Replay.Mode.BOTH) >= 0.98, "hooks + transcript: " + share(totals, Replay.Mode.BOTH));
        assertTrue(share(totals, Replay.Mode.ALL) >= 0.985, "all sources: " + share(totals, Replay.Mode.ALL));
    }

    private static double share(Map<Replay.Mode, long[]> totals, Replay.Mode m) {
        return (double) totals.get(m)[0] / totals.get(m)[1];
    }

    private static String pct(Replay.Result r) {
        return String.format("%.1f%%", 100 * r.accuracy());
    }
}
