package dev.muxbar.resume;

import dev.muxbar.agents.Processes;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import dev.muxbar.tmux.TmuxQuote;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Hibernates an idle or finished agent to free its memory: never one that works or waits for an
 * answer. Its entry is kept ({@code HIBERNATED}, with the memory its process tree held), the agent is
 * ended the way its CLI ends cleanly (its kind's {@code quit} keys), a signal after {@link #GRACE_MS}
 * if it is still there, and its pane keeps its shell, which then runs {@code scripts/wake-agent}: a
 * one-line "hibernated — Enter to wake"; Enter there (or {@code b} on its session in the sidebar, or
 * {@code muxbar resume PANE}) brings it back in the same pane. On the loop.
 */
public final class Hibernator {

    static final long GRACE_MS = 5_000;

    private final TmuxGateway tmux;
    private final Scheduler scheduler;
    private final Executor loop;
    private final Kinds kinds;
    private final AgentMemory memory;
    private final Processes processes;
    private final String wakeScript;
    private final Consumer<String> log;

    public Hibernator(
            TmuxGateway tmux,
            Scheduler scheduler,
            Executor loop,
            Kinds kinds,
            AgentMemory memory,
            Processes processes,
            String wakeScript,
            Consumer<String> log) {
        this.tmux = tmux;
        this.scheduler = scheduler;
        this.loop = loop;
        this.kinds = kinds;
        this.memory = memory;
        this.processes = processes;
        this.wakeScript = wakeScript;
        this.log = log;
    }

    /**
     * Hibernates the agent in {@code pane}: completes as soon as it is asked to quit, with what is done
     * (its pane shows how to wake it once it has ended), or fails with why not.
     */
    public CompletableFuture<String> hibernate(String pane, Model m) {
        Agent a = m.agents().stream()
                .filter(x -> x.pane().equals(pane) && x.host() == null)
                .findFirst()
                .orElse(null);
        if (a == null) {
            return failed("no agent of this machine in pane " + pane);
        }
        switch (a.status()) {
            case RUNNING, TOOL_RUNNING -> {
                return failed(a.agent() + " in " + pane + " works: it is hibernated only when idle or done");
            }
            case WAITING -> {
                return failed(a.agent() + " in " + pane + " waits for an answer: answer it first");
            }
            case IDLE, DONE, INTERRUPTED, ERROR, STALE -> {}
        }
        Remembered e = memory.memory().entries().stream()
                .filter(x -> pane.equals(x.paneId())
                        && x.agent().equals(a.agent())
                        && memory.memory().running().contains(x.key()))
                .findFirst()
                .orElse(null);
        Kind k = kinds.of(a.agent()).orElse(null);
        if (e == null || k == null) {
            return failed(a.agent() + " in " + pane + " cannot be brought back ("
                    + (k == null ? "no resume command known" : "not remembered yet") + "): not hibernated");
        }
        Snapshot.Pane p = m.snapshot().pane(pane).orElse(null);
        long fg = p == null || p.pid() <= 0 ? 0 : processes.foregroundOf(p.pid());
        dev.muxbar.model.Cost cost = m.costOf(pane);
        long freed = cost == null ? 0 : cost.memKb(); // its tree as last sampled
        memory.hibernating(pane);
        memory.change(
                memory.memory().mark(e.key(), Remembered.State.HIBERNATED, null).freed(e.key(), freed));
        log.accept("hibernate " + a.agent() + " in " + pane + " (" + freed / 1024 + " MB)");
        if (!k.quit().isEmpty()) {
            tmux.send(Commands.sendKeys(pane, k.quit()));
        }
        java.util.Optional<ProcessHandle> proc = fg > 0 ? ProcessHandle.of(fg) : java.util.Optional.empty();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        proc.ifPresentOrElse(h -> h.onExit().thenRun(() -> ended.complete(null)), () -> ended.complete(null));
        Scheduler.Cancellable term = scheduler.schedule(GRACE_MS, () -> proc.ifPresent(ProcessHandle::destroy));
        Scheduler.Cancellable kill =
                scheduler.schedule(2 * GRACE_MS, () -> proc.ifPresent(ProcessHandle::destroyForcibly));
        // Once it has ended (a CLI may take a moment to quit), its shell shows how to wake it.
        ended.thenRunAsync(
                () -> {
                    term.cancel();
                    kill.cancel();
                    tmux.send(Commands.sendText(pane, TmuxQuote.sh(wakeScript) + " " + TmuxQuote.sh(pane)))
                            .thenCompose(x -> tmux.send(Commands.sendKeys(pane, List.of("Enter"))));
                },
                loop);
        return CompletableFuture.completedFuture(
                "hibernating " + a.agent() + " in " + pane + (freed > 0 ? ": frees " + freed / 1024 + " MB" : ""));
    }

    private static CompletableFuture<String> failed(String why) {
        return CompletableFuture.failedFuture(new IllegalStateException(why));
    }
}
