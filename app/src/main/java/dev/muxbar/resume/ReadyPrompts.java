package dev.muxbar.resume;

import dev.muxbar.act.AgentActions;
import dev.muxbar.act.AgentDoor;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lines to type into agents that are starting: each goes to its pane once the agent there listens
 * ({@link AgentActions#listens}: idle, or asking a question) — a new agent's first prompt, a reply to a
 * hibernated one that is waking — once, as a reply ({@link AgentDoor#reply}: the same checks and the
 * same gap before Enter), and not at all after {@link #READY_MS}. On the loop.
 */
public final class ReadyPrompts {

    static final long READY_MS = 60_000;

    private record Pending(String text, long deadline) {}

    private final AgentDoor agents;
    private final Scheduler scheduler;
    private final Consumer<String> log;
    private final Map<String, Pending> pending = new HashMap<>(); // pane → the line

    public ReadyPrompts(AgentDoor agents, Scheduler scheduler, Consumer<String> log) {
        this.agents = agents;
        this.scheduler = scheduler;
        this.log = log;
    }

    /** Types {@code text} into {@code pane} once its agent listens. */
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
            if (a != null && AgentActions.listens(a)) {
                it.remove();
                agents.reply(e.getKey(), e.getValue().text(), false).thenAccept(o -> {
                    if (o.status() != 200) {
                        log.accept("a line for " + e.getKey() + " was not typed: " + o.message());
                    }
                });
            } else if (now > e.getValue().deadline()) {
                it.remove();
                log.accept("the agent in " + e.getKey() + " never showed ready: a line for it was not typed");
            }
        }
    }
}
