package dev.muxbar.resume;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.PlaceCommands;
import dev.muxbar.tmux.TmuxGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Brings remembered agents back, one after the other, on the loop: never one whose id runs anywhere
 * already (an agent row, or a process whose command line holds it); into its pane when that is there
 * and sits at a shell prompt, else into a pane, window or session made for it again at its place
 * ({@link PlaceCommands}); the line typed is {@link ResumeLine}'s. A resume whose agent does not show
 * in its pane within {@link #START_MS} is marked failed with the exact line typed.
 */
public final class Resumer {

    static final long START_MS = 30_000;
    static final Set<String> SHELLS =
            Set.of("bash", "zsh", "fish", "sh", "dash", "ksh", "mksh", "tcsh", "csh", "nu", "xonsh", "elvish", "ash");

    /** What became of one entry: {@code done} is false when nothing was typed. */
    public record Outcome(String key, String agent, boolean done, String said) {}

    private record Pending(String key, String agent, String line, long deadline) {}

    private final TmuxGateway tmux;
    private final Scheduler scheduler;
    private final Executor loop;
    private final Kinds kinds;
    private final AgentMemory memory;
    private final Consumer<String> log;
    private final Map<String, Pending> pending = new HashMap<>(); // pane id → the agent that should start there
    private final ReadyPrompts prompts;

    public Resumer(
            TmuxGateway tmux,
            Scheduler scheduler,
            Executor loop,
            Kinds kinds,
            AgentMemory memory,
            ReadyPrompts prompts,
            Consumer<String> log) {
        this.prompts = prompts;
        this.tmux = tmux;
        this.scheduler = scheduler;
        this.loop = loop;
        this.kinds = kinds;
        this.memory = memory;
        this.log = log;
    }

    /** Places made in this batch: a session or window made for one entry serves the next one too. */
    private static final class Batch {
        final Map<String, String> sessions = new HashMap<>(); // name → id
        final Map<String, String> windows = new HashMap<>(); // "session id:index" → window id
        private List<String> commandLines; // the process table, read once for the batch

        List<String> commandLines() {
            if (commandLines == null) {
                commandLines = ProcTable.commandLines();
            }
            return commandLines;
        }
    }

    /** Resumes {@code entries} in order ({@code dryRun}: only says what it would type where). */
    public CompletableFuture<List<Outcome>> resume(List<Remembered> entries, Model m, boolean dryRun) {
        return resume(entries, m, dryRun, null);
    }

    /**
     * The same, and {@code then} (null: nothing) typed into each agent once it is back and ready — a
     * reply to a hibernated agent wakes it, then reaches it.
     */
    public CompletableFuture<List<Outcome>> resume(List<Remembered> entries, Model m, boolean dryRun, String then) {
        Batch batch = new Batch();
        List<Outcome> out = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Remembered e : entries) {
            chain = chain.thenComposeAsync(v -> one(e, m, dryRun, batch, then).thenAccept(out::add), loop);
        }
        return chain.thenApply(v -> List.copyOf(out));
    }

    private CompletableFuture<Outcome> one(Remembered e, Model m, boolean dryRun, Batch batch, String then) {
        Kind k = kinds.of(e.agent()).orElse(null);
        if (k == null) {
            return refused(e, "no resume command is known for " + e.agent(), !dryRun);
        }
        if (pending.values().stream().anyMatch(p -> p.key().equals(e.key()))) {
            return refused(e, e.agent() + " is being brought back already", false);
        }
        if (e.resumeId() != null && running(e.resumeId(), m, memory, batch)) {
            return refused(e, e.agent() + " " + e.resumeId() + " runs already", false);
        }
        if (!Files.isDirectory(Path.of(e.cwd()))) {
            return refused(e, "the directory is gone: " + e.cwd(), !dryRun);
        }
        String line;
        try {
            line = ResumeLine.of(e.cwd(), e.env(), k.resumeArgv(e.argv(), e.resumeId()));
        } catch (IllegalArgumentException bad) {
            return refused(e, bad.getMessage(), !dryRun);
        }
        String where = e.session() + ":" + e.window() + "." + e.pane();
        if (dryRun) {
            return CompletableFuture.completedFuture(new Outcome(e.key(), e.agent(), false, where + ": " + line));
        }
        return paneFor(e, m.snapshot(), m, batch).thenComposeAsync(pane -> {
            if (pane.startsWith("!")) {
                return refused(e, pane.substring(1), true);
            }
            pending.put(pane, new Pending(e.key(), e.agent(), line, scheduler.now() + START_MS));
            memory.waking(pane);
            if (then != null && !then.isBlank()) {
                prompts.add(pane, then);
            }
            memory.change(memory.memory().mark(e.key(), e.state(), null));
            log.accept("resume " + e.agent() + " in " + pane + " (" + where + "): " + line);
            return tmux.send(Commands.sendText(pane, line))
                    .thenCompose(v -> tmux.send(Commands.sendKeys(pane, List.of("Enter"))))
                    .thenApply(v ->
                            new Outcome(e.key(), e.agent(), true, "typed into " + pane + " (" + where + "): " + line));
        });
    }

    private CompletableFuture<Outcome> refused(Remembered e, String why, boolean mark) {
        log.accept("not resumed: " + e.agent() + " (" + e.key() + "): " + why);
        if (mark) {
            loop.execute(() -> memory.change(memory.memory().mark(e.key(), e.state(), why)));
        }
        return CompletableFuture.completedFuture(new Outcome(e.key(), e.agent(), false, why));
    }

    /** The pane to type into: its own if it is there at a shell prompt, else one made at its place; "!why" if none. */
    private CompletableFuture<String> paneFor(Remembered e, Snapshot s, Model m, Batch batch) {
        if (e.session().isEmpty()) {
            return CompletableFuture.completedFuture("!where it ran is not known");
        }
        Snapshot.Session session = s.sessions().stream()
                .filter(x -> x.name().equals(e.session()))
                .findFirst()
                .orElse(null);
        String sid = session != null ? session.id() : batch.sessions.get(e.session());
        if (sid == null) {
            return ids(tmux.send(PlaceCommands.session(e.session(), e.windowName(), e.cwd())), batch, e)
                    .thenCompose(pane -> {
                        String made = batch.windows.get(batch.sessions.get(e.session()) + ":" + e.window());
                        return pane.startsWith("!") || made == null
                                ? CompletableFuture.completedFuture(pane)
                                : tmux.send(PlaceCommands.moveWindow(made, batch.sessions.get(e.session()), e.window()))
                                        .handle((v, err) -> pane); // at base-index if its index cannot be had
                    });
        }
        Snapshot.Window w = session == null
                ? null
                : session.windows().stream()
                        .filter(x -> x.index() == e.window())
                        .findFirst()
                        .orElse(null);
        String wid = w != null ? w.id() : batch.windows.get(sid + ":" + e.window());
        if (wid == null) {
            return ids(tmux.send(PlaceCommands.window(sid, e.window(), e.windowName(), e.cwd())), batch, e);
        }
        List<Snapshot.Pane> content = w == null
                ? List.of()
                : w.panes().stream().filter(p -> !p.sidebar()).toList();
        if (e.pane() < content.size()) {
            Snapshot.Pane p = content.get(e.pane());
            for (Agent a : m.agents()) {
                if (a.pane().equals(p.id()) && !memory.isHibernating(p.id())) {
                    return CompletableFuture.completedFuture("!" + a.agent() + " runs in its pane " + p.id());
                }
            }
            // Asked of tmux now: the model's command may be a scan behind (an agent that just ended).
            return tmux.send(PlaceCommands.foreground(p.id())).handle((cmd, err) -> {
                String now = err == null ? cmd.strip() : p.command();
                return SHELLS.contains(now) ? p.id() : "!its pane " + p.id() + " runs " + now + ", not a shell";
            });
        }
        return ids(tmux.send(PlaceCommands.pane(wid, e.cwd())), batch, e);
    }

    private CompletableFuture<String> ids(CompletableFuture<String> made, Batch batch, Remembered e) {
        return made.handle((ids, err) -> {
            String[] f = err == null ? ids.split(" ") : new String[0];
            if (f.length != 3) {
                return "!tmux could not make its place: " + (err == null ? ids : err.getMessage());
            }
            batch.sessions.putIfAbsent(e.session(), f[0]);
            batch.windows.putIfAbsent(f[0] + ":" + e.window(), f[1]);
            return f[2];
        });
    }

    /** Whether an agent with this id runs: as a row here, or as any process whose command line holds it. */
    private static boolean running(String id, Model m, AgentMemory memory, Batch batch) {
        for (Agent a : m.agents()) {
            if (id.equals(a.thread()) && !memory.isHibernating(a.pane())) {
                return true;
            }
        }
        return id.length() >= 8 && batch.commandLines().stream().anyMatch(c -> c.contains(id));
    }

    /** After each model: a resumed agent that shows in its pane is back; one overdue failed. */
    public void onModel(Model m) {
        prompts.onModel(m);
        if (pending.isEmpty()) {
            return;
        }
        long now = scheduler.now();
        for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
            var p = it.next();
            boolean back = m.agents().stream()
                    .anyMatch(a -> a.pane().equals(p.getKey())
                            && a.agent().equals(p.getValue().agent()));
            if (back) {
                it.remove();
                Remembered was = memory.memory().get(p.getValue().key());
                if (was != null && !memory.memory().running().contains(was.key())) {
                    memory.change(memory.memory().forget(was.key())); // back under another key (a new id)
                }
            } else if (now > p.getValue().deadline()) {
                it.remove();
                Remembered was = memory.memory().get(p.getValue().key());
                if (was != null) {
                    memory.change(memory.memory()
                            .mark(
                                    was.key(),
                                    was.state(),
                                    "did not start in " + START_MS / 1000 + " s: "
                                            + p.getValue().line()));
                }
            }
        }
    }
}
