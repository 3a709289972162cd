package dev.muxbar.resume;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lines to type into agents that are starting: each goes to its pane once the agent there shows ready
 * (idle, or asking a question) — a new agent's first prompt, a reply to a hibernated one that is
 * waking — once, and not at all after {@link #READY_MS}. On the loop.
 */
public final class ReadyPrompts {

    static final long READY_MS = 60_000;

    private record Pending(String text, long deadline) {}

    private final TmuxGateway tmux;
    private final Scheduler scheduler;
    private final Consumer<String> log;
    private final Map<String, Pending> pending = new HashMap<>(); // pane → the line

    public ReadyPrompts(TmuxGateway tmux, Scheduler scheduler, Consumer<String> log) {
        this.tmux = tmux;
        this.scheduler = scheduler;
        this.log = log;
    }

    /** Types {@code text} into {@code pane} once its agent is ready. */
    void add(String pane, String text) {
        pending.put(pane, new Pending(text, scheduler.now() + READY_MS));
    }

    void onModel(Model m) {
        if (pending.isEmpty()) {
            return;
        }
        long now = scheduler.now();
        for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Agent a = m.agents().stream()
                    .filter(x -> x.pane().equals(e.getKey()))
                    .findFirst()
                    .orElse(null);
            boolean ready = a != null
                    && (a.status() == Status.IDLE || a.status() == Status.WAITING && a.waitsFor() == Wait.QUESTION);
            if (ready) {
                it.remove();
                String pane = e.getKey();
                tmux.send(Commands.sendText(pane, e.getValue().text()));
                // Enter apart from the text: some CLIs take a burst with an Enter in it as a paste.
                scheduler.schedule(100, () -> tmux.send(Commands.sendKeys(pane, List.of("Enter"))));
            } else if (now > e.getValue().deadline()) {
                it.remove();
                log.accept("the agent in " + e.getKey() + " never showed ready: a line for it was not typed");
            }
        }
    }
}
