package dev.muxbar.resume;

import dev.muxbar.agents.Processes;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Resumable;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps {@link Memory} with the model, on the loop: each agent row of this machine's panes is
 * remembered — its argv and the environment that decides where it keeps its data read once from
 * {@code /proc} when the row appears (a few small reads), its place and status with every model —
 * and the memory is saved (on {@code io}, at most once per {@link #SAVE_MS}) and published as the
 * model's resumable agents whenever it changes. The one owner of the memory: {@link Resumer} asks
 * it ({@link #memory}) and marks entries through it.
 */
public final class AgentMemory implements Consumer<Model> {

    static final long SAVE_MS = 1_000;

    private final MemoryStore store;
    private final Processes processes;
    private final Set<String> envNames;
    private final Scheduler scheduler;
    private final Executor io;
    private final Consumer<List<Resumable>> publish;
    private final LongSupplier wallMs;
    private final Consumer<String> log;
    private final Map<String, Remembered> captured = new HashMap<>(); // "pane agent thread" → as first read
    private final Set<String> hibernating = new java.util.HashSet<>(); // panes whose agent muxbar is ending
    private Memory memory;
    private Model last; // the model remembered from last
    private List<Resumable> published = List.of(); // what the model was told can come back
    private Scheduler.Cancellable saving;

    public AgentMemory(
            MemoryStore store,
            Processes processes,
            Set<String> envNames,
            Scheduler scheduler,
            Executor io,
            Consumer<List<Resumable>> publish,
            LongSupplier wallMs,
            Consumer<String> log) {
        this.store = store;
        this.processes = processes;
        this.envNames = Set.copyOf(envNames);
        this.scheduler = scheduler;
        this.io = io;
        this.publish = publish;
        this.wallMs = wallMs;
        this.log = log;
        this.memory = store.load();
    }

    /** What is remembered now. */
    public Memory memory() {
        return memory;
    }

    /** The agent in {@code pane} is being ended to hibernate: its row no longer counts as running. */
    public void hibernating(String pane) {
        hibernating.add(pane);
        java.util.Set<String> running = new java.util.HashSet<>(memory.running());
        memory.entries().stream().filter(e -> pane.equals(e.paneId())).forEach(e -> running.remove(e.key()));
        change(new Memory(memory.entries(), running));
    }

    /** Whether the agent in {@code pane} is being hibernated (its row may linger a moment). */
    public boolean isHibernating(String pane) {
        return hibernating.contains(pane);
    }

    /** An agent is being brought back into {@code pane}: its rows count again. */
    public void waking(String pane) {
        hibernating.remove(pane);
    }

    /** Publishes what can be brought back (once at start, before any model). */
    public void start() {
        published = resumable(memory);
        publish.accept(published);
    }

    @Override
    public void accept(Model m) {
        if (last != null && last.snapshot() == m.snapshot() && last.agents().equals(m.agents())) {
            return; // a model for something else (a notice, a theme, what agents cost): nothing to remember
        }
        last = m;
        List<Remembered> now = new ArrayList<>();
        Map<String, Remembered> still = new HashMap<>();
        hibernating.removeIf(pane -> m.agents().stream().noneMatch(a -> a.pane().equals(pane)));
        for (Agent a : m.agents()) {
            if (a.host() != null || hibernating.contains(a.pane())) {
                continue; // seen through ssh: its process and files are over there; or ending to sleep
            }
            String row = a.pane() + " " + a.agent() + " " + a.thread();
            Remembered r = captured.get(row);
            if (r == null) {
                r = capture(m.snapshot(), a);
                if (r == null) {
                    continue;
                }
            }
            Remembered placed = place(m.snapshot(), a, r);
            still.put(row, placed);
            now.add(placed);
        }
        captured.keySet().retainAll(still.keySet());
        captured.putAll(still);
        change(memory.seen(now, !m.snapshot().sessions().isEmpty()));
    }

    /** Applies a change to the memory (the resumer's marks come through here too). */
    public void change(Memory next) {
        if (next.equals(memory)) {
            return;
        }
        memory = next;
        List<Resumable> now = resumable(next);
        if (!now.equals(published)) {
            published = now;
            publish.accept(now);
        }
        if (saving == null) {
            saving = scheduler.schedule(SAVE_MS, () -> {
                saving = null;
                Memory toSave = memory;
                io.execute(() -> {
                    try {
                        store.save(toSave);
                    } catch (IOException e) {
                        log.accept("cannot save the agent memory: " + e.getMessage());
                    }
                });
            });
        }
    }

    /** A new row: its argv and environment from /proc (null: its pane is not in the snapshot). */
    private Remembered capture(Snapshot s, Agent a) {
        Snapshot.Pane p = s.pane(a.pane()).orElse(null);
        if (p == null) {
            return null;
        }
        long fg = p.pid() > 0 ? processes.foregroundOf(p.pid()) : 0;
        long pid = fg > 0 ? fg : p.pid();
        List<String> argv = pid > 0 ? processes.arguments(pid) : List.of();
        Map<String, String> env = pid > 0 ? processes.environment(pid, envNames) : Map.of();
        return new Remembered(
                a.agent(),
                a.thread(),
                p.cwd().isEmpty() ? "/" : p.cwd(),
                argv.isEmpty() ? List.of(a.agent()) : argv,
                env,
                "",
                0,
                "",
                0,
                a.pane(),
                "",
                0,
                Remembered.State.LIVE,
                0,
                null);
    }

    /** {@code r} at the pane's place now, with the row's status (and when it changed). */
    private Remembered place(Snapshot s, Agent a, Remembered r) {
        for (Snapshot.Session ss : s.sessions()) {
            for (Snapshot.Window w : ss.windows()) {
                int ordinal = 0;
                for (Snapshot.Pane p : w.panes()) {
                    if (p.sidebar()) {
                        continue;
                    }
                    if (p.id().equals(a.pane())) {
                        String status = a.status().label();
                        long at = status.equals(r.status()) ? r.at() : wallMs.getAsLong();
                        return new Remembered(
                                r.agent(),
                                a.thread() != null ? a.thread() : r.resumeId(),
                                p.cwd().isEmpty() ? r.cwd() : p.cwd(),
                                r.argv(),
                                r.env(),
                                ss.name(),
                                w.index(),
                                w.name(),
                                ordinal,
                                p.id(),
                                status,
                                at,
                                Remembered.State.LIVE,
                                0,
                                null);
                    }
                    ordinal++;
                }
            }
        }
        return r;
    }

    static List<Resumable> resumable(Memory m) {
        List<Resumable> out = new ArrayList<>();
        for (Remembered e : m.resumable()) {
            out.add(new Resumable(
                    e.key(),
                    e.agent(),
                    e.resumeId(),
                    e.cwd(),
                    e.session(),
                    e.window(),
                    e.pane(),
                    e.state().name().toLowerCase(java.util.Locale.ROOT),
                    e.freedKb(),
                    e.error()));
        }
        return out;
    }
}
