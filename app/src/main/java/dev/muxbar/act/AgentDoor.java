package dev.muxbar.act;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What acts on the agents of one tmux server: {@link AgentActions} here, or another machine's muxbar
 * through its API — the same hash-checked contract either way (a prompt that changed is not
 * answered; the outcome says why).
 */
public interface AgentDoor {
    /** What the agent in {@code pane} asks now; empty: no agent there. */
    CompletableFuture<Optional<AgentActions.Shown>> show(String pane);

    /** Picks choice {@code number} (1-based) of the prompt whose hash is {@code hash}. */
    CompletableFuture<AgentActions.Outcome> answer(String pane, int number, String hash);

    /** Types {@code text} into the agent's input and presses Enter ({@code force}: even while it works). */
    CompletableFuture<AgentActions.Outcome> reply(String pane, String text, boolean force);
}
