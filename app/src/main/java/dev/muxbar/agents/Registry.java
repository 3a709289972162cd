package dev.muxbar.agents;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;

/**
 * Claude Code's own registry of running instances, {@code ~/.claude/sessions/<pid>.json}
 * ({@code $CLAUDE_CONFIG_DIR} moves it): what each instance says it is doing. A file is read only
 * when it changed and only when its pid descends from a pane's process (muxbar reads nothing about
 * agents outside its panes), and only when its {@code procStart} (field 22 of
 * {@code /proc/<pid>/stat}) still matches the live process — a file left by a dead instance whose pid
 * was reused says nothing. Legacy {@code pid-<n>.json} files carry no status and are ignored.
 *
 * <pre>
 * {"pid":4242,"sessionId":"9f1c…","cwd":"/src","startedAt":1790000000000,"status":"waiting",
 *  "statusUpdatedAt":1790000012345,"procStart":"8812345"}
 * </pre>
 * Statuses: {@code busy} (and {@code shell}, a {@code !} command) → running, without erasing a
 * tool-running row's detail; {@code waiting} → waiting, for what {@code waitingFor} says
 * ({@link #waitingFor}); {@code idle} → the turn is over (done) when it was on, nothing otherwise. Blocking file IO: call {@link #poll} off the event loop.
 */
public final class Registry {

    /** Files larger than this are not a registry entry. */
    static final long MAX_FILE = 64 * 1024;

    private final Path dir;
    private final LongFunction<String> procStart;
    private final Consumer<String> log;
    private Map<Path, Long> seen = new HashMap<>(); // file → mtime read

    /** {@code procStart}: field 22 of a live process's stat, or null when it is gone. */
    public Registry(Path dir, LongFunction<String> procStart, Consumer<String> log) {
        this.dir = dir;
        this.procStart = procStart;
        this.log = log;
    }

    public static Registry forUser(dev.muxbar.config.AgentDirs dirs, Consumer<String> log) {
        return new Registry(dirs.claude().resolve("sessions"), Registry::procStartOf, log);
    }

    public Path dir() {
        return dir;
    }

    /** Signals of changed entries whose process runs in one of {@code panePids}' trees. */
    public List<Signal> poll(Set<Long> panePids, LongUnaryOperator parentOf) {
        List<Signal> out = new ArrayList<>();
        Map<Path, Long> next = new HashMap<>();
        if (panePids.isEmpty() || !Files.isDirectory(dir)) {
            seen = next;
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "[0-9]*.json")) {
            for (Path f : ds) {
                String name = f.getFileName().toString();
                long pid;
                try {
                    pid = Long.parseLong(name.substring(0, name.length() - ".json".length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                long mtime = Files.getLastModifiedTime(f).toMillis();
                if (Long.valueOf(mtime).equals(seen.get(f))) {
                    next.put(f, mtime); // read before and unchanged: no /proc walk, no read
                    continue;
                }
                if (!inPanes(pid, panePids, parentOf)) {
                    continue;
                }
                next.put(f, mtime);
                if (Files.size(f) > MAX_FILE) {
                    continue;
                }
                Signal s = parse(Files.readString(f), pid, procStart.apply(pid));
                if (s != null) {
                    out.add(s);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.accept("cannot read the Claude registry " + dir + ": " + e.getMessage());
        }
        seen = next; // bounded by the live instances in panes
        return out;
    }

    /** One entry → a signal for its pid, or null (not an entry, another process now, no status). */
    static Signal parse(String text, long pid, String liveStart) {
        Node n;
        try {
            n = Json.parse(text);
        } catch (IOException e) {
            return null; // being rewritten: the next change reads it
        }
        if (n == null || !n.isObject() || n.path("pid").asLong(-1) != pid) {
            return null;
        }
        String start = n.path("procStart").isValueNode() ? n.path("procStart").asText() : null;
        if (liveStart == null || (start != null && !start.equals(liveStart))) {
            return null; // the instance is gone; its pid may be someone else's now
        }
        String status = HookMapping.text(n, "status");
        if (status == null) {
            return null;
        }
        Status to;
        Signal.Cue cue;
        Wait wait = null;
        switch (status) {
            case "busy", "shell" -> {
                to = Status.RUNNING;
                cue = Signal.Cue.IF_NOT_BUSY;
            }
            case "waiting" -> {
                to = Status.WAITING;
                cue = Signal.Cue.NONE;
                wait = waitingFor(HookMapping.text(n, "waitingFor"));
            }
            case "idle" -> {
                to = Status.DONE;
                cue = Signal.Cue.IF_TURN;
            }
            default -> {
                return null; // a status this version does not know: no guess
            }
        }
        long at = n.path("statusUpdatedAt").isNumber()
                ? n.path("statusUpdatedAt").asLong()
                : Transcripts.time(HookMapping.text(n, "statusUpdatedAt"));
        return new Signal(
                Source.REGISTRY,
                "claude",
                to,
                new Signal.Where(null, null, null, pid),
                HookMapping.text(n, "sessionId"),
                null,
                null,
                false,
                cue,
                null,
                wait,
                Math.max(0, at),
                "registry status " + HookMapping.clip(status) + (wait == null ? "" : " (" + wait.label() + ")"));
    }

    /**
     * What a waiting instance waits for, as 2.1.328 says it ({@code "permission prompt"} for a tool's
     * permission, {@code "input needed"} for AskUserQuestion); null when the words are new.
     */
    static Wait waitingFor(String words) {
        if (words == null) {
            return null;
        }
        String w = words.toLowerCase(java.util.Locale.ROOT);
        return w.contains("plan")
                ? Wait.PLAN
                : w.contains("permission")
                        ? Wait.PERMISSION
                        : w.contains("input") || w.contains("question") ? Wait.QUESTION : null;
    }

    private static boolean inPanes(long pid, Set<Long> panePids, LongUnaryOperator parentOf) {
        long p = pid;
        for (int depth = 0; p > 1 && depth < 32; depth++) {
            if (panePids.contains(p)) {
                return true;
            }
            p = parentOf.applyAsLong(p);
        }
        return false;
    }

    /** Field 22 (start time in clock ticks) of {@code /proc/<pid>/stat}, or null when the process is gone. */
    public static String procStartOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return after.length > 19 ? after[19] : null; // after ") " comes field 3
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
