package dev.muxbar.agents;

import dev.muxbar.config.AgentDirs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The agents' own files, read where each agent keeps them. A Claude Code or Codex started from a
 * shell whose rc sets {@code CLAUDE_CONFIG_DIR}, {@code CODEX_HOME} or another {@code HOME} writes
 * its transcripts, rollouts and registry entries under that directory, which the daemon (started by
 * tmux, with tmux's environment) never heard of. So each agent pane's foreground process is asked
 * for those variables ({@code /proc/PID/environ}, read once per process), and one
 * {@link TranscriptTailer} and one {@link Registry} run per directory in use — the daemon's own
 * directories when an environment cannot be read. Readers of directories no agent uses any more are
 * dropped, so this holds at most one reader per live agent. Blocking file IO: call {@link #poll}
 * off the event loop.
 */
public final class AgentFiles {

    static final Set<String> VARIABLES = Set.of("HOME", "CLAUDE_CONFIG_DIR", "CODEX_HOME");

    /** An agent pane: its agent kind ("claude", "codex"), its shell's pid and its cwd. */
    public record Pane(String agent, long pid, String cwd) {}

    private final boolean on;
    private final AgentDirs fallback;
    private final Processes processes;
    private final Function<AgentDirs, TranscriptTailer> tailerOf;
    private final Function<AgentDirs, Registry> registryOf;
    private Map<Long, Found> found = new HashMap<>(); // pane pid → the foreground process and its dirs
    private Map<Path, TranscriptTailer> claudeTailers = new HashMap<>();
    private Map<Path, TranscriptTailer> codexTailers = new HashMap<>();
    private Map<Path, Registry> registries = new HashMap<>();
    private Set<Path> dirs = Set.of();
    private final UsageBook usage;
    private final UsageLedgerStore usageStore; // null: the days are not kept

    private record Found(long process, AgentDirs dirs) {}

    public AgentFiles(
            AgentDirs fallback,
            Processes processes,
            Function<AgentDirs, TranscriptTailer> tailerOf,
            Function<AgentDirs, Registry> registryOf) {
        this(fallback, processes, tailerOf, registryOf, true, new UsageBook(List.of()), null);
    }

    private AgentFiles(
            AgentDirs fallback,
            Processes processes,
            Function<AgentDirs, TranscriptTailer> tailerOf,
            Function<AgentDirs, Registry> registryOf,
            boolean on,
            UsageBook usage,
            UsageLedgerStore usageStore) {
        this.usage = usage;
        this.usageStore = usageStore;
        this.on = on;
        this.fallback = fallback;
        this.processes = processes;
        this.tailerOf = tailerOf;
        this.registryOf = registryOf;
    }

    /** The daemon's readers: {@link TranscriptTailer#forUser} and {@link Registry#forUser} per directory. */
    public static AgentFiles forUser(
            AgentDirs fallback, Processes processes, Path usageFile, java.util.function.Consumer<String> log) {
        UsageLedgerStore store = new UsageLedgerStore(usageFile, log);
        UsageBook book = UsageBook.load(
                        dev.muxbar.config.Paths.configDir(System.getenv()).resolve("usage-models.json"), log)
                .countingInto(store.load(new UsageLedger(java.time.ZoneId.systemDefault())));
        return new AgentFiles(
                fallback,
                processes,
                d -> TranscriptTailer.forUser(d, log, book::apply),
                d -> Registry.forUser(d, log),
                true,
                book,
                store);
    }

    /** What the conversations read so far have used (filled by the polls; read it on the polls' thread). */
    public UsageBook usage() {
        return usage;
    }

    /** Writes the usage days out when they changed (on the polls' thread). */
    public void saveUsage(java.util.function.Consumer<String> log) {
        if (usageStore != null) {
            try {
                usageStore.saveIfChanged(usage.ledger());
            } catch (java.io.IOException e) {
                log.accept("usage.json not written: " + e.getMessage());
            }
        }
    }

    /** Reads nothing ({@code @muxbar-agent-files off}: hooks and screens only). */
    public static AgentFiles off() {
        AgentDirs none = new AgentDirs(Path.of("/nonexistent"), Path.of("/nonexistent"));
        return new AgentFiles(none, Processes.NONE, d -> null, d -> null, false, new UsageBook(List.of()), null);
    }

    /** New lines and registry entries of every agent pane's files, as signals. */
    public List<Signal> poll(List<Pane> panes, long wallNow) {
        if (!on) {
            return List.of();
        }
        Map<Long, Found> nextFound = new HashMap<>();
        Map<Path, Set<String>> claudeCwds = new HashMap<>();
        Map<Path, Set<Long>> claudePids = new HashMap<>();
        Map<Path, AgentDirs> claudeDirs = new HashMap<>();
        Map<Path, AgentDirs> codexDirs = new HashMap<>();
        for (Pane p : panes) {
            Found f = lookUp(p.pid(), found);
            nextFound.put(p.pid(), f);
            if (p.agent().equals("claude")) {
                Path root = f.dirs().claude();
                claudeDirs.putIfAbsent(root, f.dirs());
                claudePids.computeIfAbsent(root, k -> new HashSet<>()).add(p.pid());
                if (!p.cwd().isEmpty()) {
                    claudeCwds.computeIfAbsent(root, k -> new HashSet<>()).add(p.cwd());
                }
            } else if (p.agent().equals("codex")) {
                codexDirs.putIfAbsent(f.dirs().codex(), f.dirs());
            }
        }
        found = nextFound;
        List<Signal> out = new ArrayList<>();
        Set<Path> watched = new HashSet<>();
        Map<Path, Registry> nextRegistries = new HashMap<>();
        Map<Path, TranscriptTailer> nextClaude = new HashMap<>();
        for (var e : claudeDirs.entrySet()) {
            Registry r = kept(registries, nextRegistries, e.getKey(), () -> registryOf.apply(e.getValue()));
            out.addAll(r.poll(claudePids.get(e.getKey()), processes::parentOf));
            watched.add(r.dir());
            TranscriptTailer t = kept(claudeTailers, nextClaude, e.getKey(), () -> tailerOf.apply(e.getValue()));
            Set<String> cwds = claudeCwds.getOrDefault(e.getKey(), Set.of());
            out.addAll(t.poll(cwds, false, wallNow));
            watched.addAll(t.dirs(cwds, false));
        }
        Map<Path, TranscriptTailer> nextCodex = new HashMap<>();
        for (var e : codexDirs.entrySet()) {
            TranscriptTailer t = kept(codexTailers, nextCodex, e.getKey(), () -> tailerOf.apply(e.getValue()));
            out.addAll(t.poll(Set.of(), true, wallNow));
            watched.addAll(t.dirs(Set.of(), true));
        }
        registries = nextRegistries;
        claudeTailers = nextClaude;
        codexTailers = nextCodex;
        dirs = Set.copyOf(watched);
        return out;
    }

    /** The directories the last {@link #poll} read (for a watch that wakes the next one). */
    public Set<Path> dirs() {
        return dirs;
    }

    /** The reader of {@code dir} from the last poll (it knows its offsets), else a new one; kept for the next. */
    private static <T> T kept(Map<Path, T> last, Map<Path, T> next, Path dir, java.util.function.Supplier<T> make) {
        T t = last.containsKey(dir) ? last.get(dir) : make.get();
        next.put(dir, t);
        return t;
    }

    private Found lookUp(long panePid, Map<Long, Found> known) {
        long process = processes.foregroundOf(panePid);
        Found was = known.get(panePid);
        if (was != null && was.process() == process) {
            return was; // a process's environment is fixed at its start: read it once
        }
        Map<String, String> env = process > 0 ? processes.environment(process, VARIABLES) : Map.of();
        return new Found(process, env.isEmpty() ? fallback : AgentDirs.of(env));
    }
}
