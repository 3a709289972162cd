package dev.muxbar.agents;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Tails the agents' own logs for users without hooks: Claude Code transcripts in
 * {@code ~/.claude/projects/<cwd with non-alphanumerics as '-'>/*.jsonl} (only the directories of
 * panes running Claude) and Codex rollouts in {@code $CODEX_HOME/sessions/YYYY/MM/DD/rollout-*.jsonl}
 * (today and yesterday). Only files modified in the last {@link #RECENT_MS} are read, each from its
 * byte offset on; a file seen for the first time is read from its last {@link #FIRST_READ} bytes.
 * Blocking file IO: call {@link #poll} off the event loop.
 */
public final class TranscriptTailer {

    static final long RECENT_MS = 10 * 60_000;
    static final int FIRST_READ = 64 * 1024;
    /** A line's timestamp is trusted to order it when it is this close to now. */
    static final long PLAUSIBLE_MS = 10 * 60_000;
    /** One read per file per poll is bounded too: a huge append is caught up over several polls. */
    static final int MAX_READ = 512 * 1024;

    private final Path claudeProjects;
    private final Path codexSessions;
    private final Consumer<String> log;
    private final java.util.function.BiConsumer<String, UsageLine> usage; // thread → what a line says of usage
    private Map<Path, Tail> tails = new HashMap<>();

    private static final class Tail {
        long offset = -1;
        final String[] meta = new String[2]; // codex: thread id, cwd
    }

    public TranscriptTailer(Path claudeProjects, Path codexSessions, Consumer<String> log) {
        this(claudeProjects, codexSessions, log, (thread, line) -> {});
    }

    /** The same, telling {@code usage} what each line read says of its conversation's usage. */
    public TranscriptTailer(
            Path claudeProjects,
            Path codexSessions,
            Consumer<String> log,
            java.util.function.BiConsumer<String, UsageLine> usage) {
        this.usage = usage;
        this.claudeProjects = claudeProjects;
        this.codexSessions = codexSessions;
        this.log = log;
    }

    /** The agents' own places ({@link dev.muxbar.config.AgentDirs}: CLAUDE_CONFIG_DIR, CODEX_HOME, HOME). */
    public static TranscriptTailer forUser(dev.muxbar.config.AgentDirs dirs, Consumer<String> log) {
        return new TranscriptTailer(dirs.claudeProjects(), dirs.codexSessions(), log);
    }

    /** The same, its lines' usage into {@code usage}. */
    public static TranscriptTailer forUser(
            dev.muxbar.config.AgentDirs dirs,
            Consumer<String> log,
            java.util.function.BiConsumer<String, UsageLine> usage) {
        return new TranscriptTailer(dirs.claudeProjects(), dirs.codexSessions(), log, usage);
    }

    /** Claude's project directory name for a working directory: {@code /work/my.app} → {@code -work-my-app}. */
    public static String claudeDir(String cwd) {
        return cwd.replaceAll("[^A-Za-z0-9]", "-");
    }

    /**
     * New lines of the relevant files as signals. {@code claudeCwds}: working directories of panes
     * running Claude; {@code codex}: whether any pane runs Codex. State of files not relevant any
     * more is dropped.
     */
    public List<Signal> poll(Set<String> claudeCwds, boolean codex, long wallNow) {
        List<Signal> out = new ArrayList<>();
        Map<Path, Tail> next = new HashMap<>();
        for (String cwd : claudeCwds) {
            // A line's own cwd follows the Bash tool's cd: place it by the file, which is in the pane's
            // project directory, not by where the agent's shell happened to be.
            Signal.Where where = new Signal.Where(null, null, cwd, null);
            for (Path f : recent(claudeProjects.resolve(claudeDir(cwd)), wallNow)) {
                int from = out.size();
                read(f, next, out, false, wallNow);
                for (int k = from; k < out.size(); k++) {
                    out.set(k, out.get(k).placed(where));
                }
            }
        }
        if (codex) {
            LocalDate today = LocalDate.now();
            for (LocalDate d : List.of(today.minusDays(1), today)) {
                Path dir = codexSessions.resolve(d.format(DateTimeFormatter.ofPattern("yyyy/MM/dd")));
                for (Path f : recent(dir, wallNow)) {
                    if (f.getFileName().toString().startsWith("rollout-")) {
                        read(f, next, out, true, wallNow);
                    }
                }
            }
        }
        tails = next; // bounded by the recent files of live agents
        return out;
    }

    /** The directories {@link #poll} reads for these agents (for a watch that wakes it). */
    public Set<Path> dirs(Set<String> claudeCwds, boolean codex) {
        Set<Path> out = new java.util.HashSet<>();
        for (String cwd : claudeCwds) {
            out.add(claudeProjects.resolve(claudeDir(cwd)));
        }
        if (codex) {
            out.add(codexSessions.resolve(LocalDate.now().format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))));
        }
        return out;
    }

    private List<Path> recent(Path dir, long wallNow) {
        Map<Path, Long> recent = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jsonl")) {
            for (Path f : ds) {
                long mtime = Files.getLastModifiedTime(f).toMillis();
                if (wallNow - mtime <= RECENT_MS) {
                    recent.put(f, mtime);
                }
            }
        } catch (IOException e) {
            log.accept("cannot list " + dir + ": " + e.getMessage());
        }
        // Oldest first: when two conversations of one directory are recent, the one written last speaks last.
        List<Path> out = new ArrayList<>(recent.keySet());
        out.sort(java.util.Comparator.comparingLong(recent::get));
        return out;
    }

    private void read(Path f, Map<Path, Tail> next, List<Signal> out, boolean codex, long wallNow) {
        Tail t = tails.getOrDefault(f, new Tail());
        next.put(f, t);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long size = ch.size();
            if (t.offset < 0 && codex) {
                readMeta(ch, t); // the first line names the thread and cwd
            }
            boolean skipPartial = false;
            if (t.offset < 0) {
                t.offset = Math.max(0, size - FIRST_READ);
                skipPartial = t.offset > 0;
            }
            if (size < t.offset) {
                t.offset = 0; // truncated or replaced: start over
            }
            if (size == t.offset) {
                return;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size - t.offset, MAX_READ));
            ch.read(buf, t.offset);
            byte[] b = buf.array();
            int end = lastNewline(b, buf.position());
            if (end < 0) {
                return; // no complete line yet
            }
            int start = 0;
            if (skipPartial) {
                while (start < end && b[start] != '\n') {
                    start++;
                }
                start++;
            }
            t.offset += end + 1;
            for (String line : new String(b, start, Math.max(0, end + 1 - start), StandardCharsets.UTF_8).split("\n")) {
                Signal s = parse(line, t, codex, wallNow);
                if (s != null) {
                    // A line's time orders it against hooks; a time far from now (a clock apart, a copied
                    // file) orders nothing, and the line counts as news when it is read.
                    out.add(Math.abs(s.at() - wallNow) <= PLAUSIBLE_MS ? s : s.at(0));
                }
            }
        } catch (IOException e) {
            log.accept("cannot read " + f + ": " + e.getMessage());
        }
    }

    private void readMeta(FileChannel ch, Tail t) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
        ch.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        if (nl > 0) {
            parse(text.substring(0, nl), t, true, 0);
        }
    }

    private Signal parse(String line, Tail t, boolean codex, long wallNow) {
        if (line.isBlank()) {
            return null;
        }
        try {
            Node n = Json.parse(line);
            Signal s = codex ? Transcripts.codex(n, t.meta) : Transcripts.claude(n);
            UsageLine u = UsageLine.of(n, codex, wallNow);
            if (u != null) {
                usage.accept(codex ? t.meta[0] : n.path("sessionId").asText(null), u);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            return null; // a line being written or not JSON: skip it
        }
    }

    private static int lastNewline(byte[] b, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Files tailed now (for tests). */
    int tailing() {
        return tails.size();
    }
}
