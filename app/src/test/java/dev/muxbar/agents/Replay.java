package dev.muxbar.agents;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The accuracy suite's engine: replays a recorded agent session through the code the daemon runs
 * for it — {@link HookMapping}, {@link Transcripts}, {@link Tracker} — at the daemon's own cadence
 * (hooks as they arrive, transcript lines {@link #FILE_DELAY_MS} after they are written, as the file
 * watch wakes the tailer, a tick every second), and
 * measures how much of the time the row shows the status the recording says is true.
 *
 * <p>A recording is JSON lines; each has {@code at} (ms from the start) and {@code expect} (the true
 * status from then on; omitted = unchanged), and at most one observation: {@code hook} (a Claude
 * hook payload), {@code codexHook}/{@code notify} (Codex), {@code transcript} (a Claude transcript
 * line), {@code rollout} (a Codex rollout line), {@code registry} (Claude's registry entry's
 * {@code status} and {@code sessionId}), {@code screen} (what the screen rules report). A line
 * with no observation is a moment no source sees (the user approves a prompt).
 *
 * <pre>
 * {"at":5000,"expect":"tool-running","transcript":{"type":"assistant","sessionId":"s1",…}}
 * {"at":5010,"hook":{"hook_event_name":"PreToolUse","session_id":"s1","tool_name":"Bash",…}}
 * {"at":9000,"expect":"tool-running","note":"the user approves"}
 * </pre>
 */
public final class Replay {

    /** Which of the recorded sources reach the tracker. */
    public enum Mode {
        TRANSCRIPT("transcripts only"),
        REGISTRY("registry + transcript"),
        HOOKS("hooks only"),
        BOTH("hooks + transcript"),
        ALL("all + screen");

        public final String label;

        Mode(String label) {
            this.label = label;
        }

        boolean takes(String kind) {
            return switch (kind) {
                case "transcript", "rollout" -> this != HOOKS;
                case "hook", "codexHook", "notify" -> this == HOOKS || this == BOTH || this == ALL;
                case "registry" -> this == REGISTRY || this == ALL;
                case "screen" -> this == ALL;
                default -> false;
            };
        }
    }

    /**
     * One recorded line. {@code lineAt}: for a transcript line recorded from a real agent, its own
     * timestamp on the recording's clock (-1: none), which the daemon's tailer trusts to order it.
     */
    public record Step(long at, Status expect, String kind, Node body, long lineAt) {
        public Step(long at, Status expect, String kind, Node body) {
            this(at, expect, kind, body, -1);
        }
    }

    /**
     * How one replay went: time with the right status over the recording's length, the time shown
     * waiting while nothing waited, the worst latency until a new true status was shown, rows at most.
     */
    public record Result(
            String name,
            Mode mode,
            long totalMs,
            long rightMs,
            long falseWaitMs,
            long missedWaitMs,
            long worstLatencyMs,
            int maxRows,
            List<String> wrong) {
        public double accuracy() {
            return totalMs == 0 ? 1 : (double) rightMs / totalMs;
        }
    }

    /** A written line reaches the tracker this much later (the daemon's file watch wakes the tailer). */
    static final long FILE_DELAY_MS = 50;

    static final long TICK_MS = 1_000;
    public static final long SAMPLE_MS = 50;
    /** After the last line, the recording's last truth holds this long (a turn's end must stay shown). */
    static final long TAIL_MS = 20_000;

    private static final long AGENT_PID = 4242;
    private static final long WALL_BASE = 1_800_000_000_000L; // wall time of a recording's start (any fixed instant)

    private Replay() {}

    /** Parses a recording's text. */
    public static List<Step> parse(String text) throws IOException {
        List<Step> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Node n = Json.parse(line);
            String kind = null;
            for (String k : List.of("hook", "codexHook", "notify", "transcript", "rollout", "screen", "registry")) {
                if (n.has(k)) {
                    kind = k;
                }
            }
            Status expect = n.has("expect") ? Status.parse(n.get("expect").asText()) : null;
            if (n.has("expect") && expect == null) {
                throw new IOException("unknown status in: " + line);
            }
            out.add(new Step(
                    n.path("at").asLong(),
                    expect,
                    kind,
                    kind == null ? null : n.get(kind),
                    n.has("lineAt") ? n.path("lineAt").asLong() : -1));
        }
        out.sort(java.util.Comparator.comparingLong(Step::at)); // stable: lines at one instant keep their order
        return out;
    }

    /** Replays {@code steps} of an agent in pane %1 (cwd /src) with the sources of {@code mode}. */
    public static Result run(String name, String agent, List<Step> steps, Mode mode) {
        Tracker tracker =
                new Tracker(pid -> pid == AGENT_PID ? 101 : 0); // the agent's process is a child of the pane's
        Snapshot snapshot = snapshot(agent);
        tracker.observe(snapshot, Map.of("%1", agent), 0);
        List<Timed> arrivals = new ArrayList<>();
        String[] meta = new String[2];
        for (Step s : steps) {
            if (s.kind() == null || !mode.takes(s.kind())) {
                if ("rollout".equals(s.kind())) {
                    Transcripts.codex(s.body(), meta); // keep the thread known even when the line is not taken
                }
                continue;
            }
            Signal sig = signal(agent, s, meta);
            if (sig == null) {
                continue;
            }
            boolean file = s.kind().equals("transcript") || s.kind().equals("rollout");
            long arrive = file ? s.at() + FILE_DELAY_MS : s.at();
            // A line's own timestamp orders it (as the tailer trusts a plausible one); others happen on arrival.
            arrivals.add(new Timed(arrive, sig.at(WALL_BASE + (s.lineAt() >= 0 ? s.lineAt() : s.at()))));
        }
        arrivals.sort(java.util.Comparator.comparingLong(Timed::at));
        long end = end(steps);
        List<Sample> samples = new ArrayList<>();
        int next = 0;
        long lastTick = 0;
        for (long t = 0; t <= end; t += SAMPLE_MS) {
            while (next < arrivals.size() && arrivals.get(next).at() <= t) {
                tracker.apply(arrivals.get(next).signal(), arrivals.get(next).at());
                next++;
            }
            if (t - lastTick >= TICK_MS) {
                tracker.tick(t);
                lastTick = t;
            }
            List<Agent> rows = tracker.agents();
            samples.add(new Sample(
                    t,
                    rows.isEmpty() ? null : rows.get(0).status(),
                    rows.size(),
                    rows.isEmpty() ? "" : tracker.explain("%1", t).get(0).evidence()));
        }
        return score(name, mode, steps, samples);
    }

    /** What a row showed at {@code t} ms from the recording's start; {@code why} its evidence. */
    public record Sample(long t, Status shown, int rows, String why) {}

    /** How long a replay of {@code steps} lasts: the last line, then the last truth held a while. */
    public static long end(List<Step> steps) {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).at() + TAIL_MS;
    }

    /** Scores samples (taken every {@link #SAMPLE_MS} or so, in order) against the recording's truth. */
    public static Result score(String name, Mode mode, List<Step> steps, List<Sample> samples) {
        long right = 0;
        long falseWait = 0;
        long missedWait = 0;
        long worst = 0;
        int maxRows = 0;
        List<String> wrong = new ArrayList<>();
        int truthIdx = -1;
        Status truth = Status.IDLE;
        long truthSince = 0;
        boolean reached = true;
        boolean wasWrong = false;
        Status wrongShown = null;
        long prev = samples.isEmpty() ? 0 : samples.get(0).t() - SAMPLE_MS;
        long total = 0;
        for (Sample x : samples) {
            long t = x.t();
            long dt = Math.max(0, t - prev); // the time this sample stands for
            prev = t;
            total += dt;
            while (truthIdx + 1 < steps.size() && steps.get(truthIdx + 1).at() <= t) {
                truthIdx++;
                Status e = steps.get(truthIdx).expect();
                if (e != null && e != truth) {
                    truth = e;
                    truthSince = t;
                    reached = false;
                }
            }
            maxRows = Math.max(maxRows, x.rows());
            Status shown = x.shown();
            if (shown == truth) {
                right += dt;
                if (!reached) {
                    worst = Math.max(worst, t - truthSince);
                    reached = true;
                }
                wasWrong = false;
            } else {
                if (!wasWrong || shown != wrongShown) {
                    wasWrong = true;
                    wrongShown = shown;
                    if (wrong.size() < 20) {
                        wrong.add(String.format(
                                "%6.1fs shown %s, true %s (%s)",
                                t / 1000.0, shown == null ? "nothing" : shown.label(), truth.label(), x.why()));
                    }
                }
                if (shown == Status.WAITING) {
                    falseWait += dt;
                }
                if (truth == Status.WAITING) {
                    missedWait += dt;
                }
            }
        }
        if (!reached && !samples.isEmpty()) {
            worst = Math.max(worst, samples.get(samples.size() - 1).t() - truthSince);
        }
        return new Result(name, mode, total, right, falseWait, missedWait, worst, maxRows, List.copyOf(wrong));
    }

    private record Timed(long at, Signal signal) {}

    private static Signal signal(String agent, Step s, String[] meta) {
        Signal.Where src = new Signal.Where(null, null, "/src", null);
        return switch (s.kind()) {
            case "hook" -> HookMapping.claude(s.body(), "%1", null);
            case "codexHook", "notify" -> HookMapping.codex(s.body(), "%1", null);
            case "transcript" -> place(Transcripts.claude(s.body()), src);
            case "rollout" -> place(Transcripts.codex(s.body(), meta), src);
            case "registry" -> Registry.parse(registryEntry(s.body()), AGENT_PID, "1");
            case "screen" ->
                Signal.of(
                                dev.muxbar.model.Source.SCREEN,
                                agent,
                                Status.parse(s.body().asText()),
                                "%1",
                                null)
                        .because("screen " + s.body().asText());
            default -> throw new AssertionError(s.kind());
        };
    }

    /** A recorded registry entry as the file for the replayed agent's pid says it (its own pid and start replaced). */
    private static String registryEntry(Node recorded) {
        java.util.Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("pid", AGENT_PID);
        entry.put("procStart", "1");
        entry.put("sessionId", recorded.path("sessionId").asText());
        entry.put("status", recorded.path("status").asText());
        if (recorded.hasNonNull("waitingFor")) {
            entry.put("waitingFor", recorded.path("waitingFor").asText());
        }
        return dev.muxbar.json.Json.write(entry);
    }

    private static Signal place(Signal s, Signal.Where w) {
        return s == null ? null : s.placed(w);
    }

    private static Snapshot snapshot(String agent) {
        Snapshot.Pane p = new Snapshot.Pane("%1", "/dev/pts/1", 101, agent, "/src", true, "t", 80, 24, false);
        Snapshot.Window w = new Snapshot.Window("@1", 0, "w", true, 80, 24, false, List.of(p));
        Snapshot.Session s = new Snapshot.Session("$1", "work", 1001, 0, List.of(w));
        // A client looks at the window: finished turns are seen (unseen marks do not matter here).
        return new Snapshot(
                new Snapshot.ServerInfo(1, 1, "3.3a"),
                List.of(s),
                List.of(new Snapshot.Client("c1", "/dev/pts/50", 50, "$1", 0, 160, 40)));
    }
}
