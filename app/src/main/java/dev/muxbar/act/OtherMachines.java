package dev.muxbar.act;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The other machines' tmux servers as the sidebar reaches them, each named by the user's ssh name for
 * its machine ({@code host}) and its tmux socket there ({@code server}): their agents acted on through
 * their muxbar, a pane's screen read through it, and the local command that shows one of their
 * sessions. Empty while the machine is not up.
 */
public interface OtherMachines {
    /** The door to that server's agents. */
    Optional<AgentDoor> agents(String host, String server);

    /** The last lines of an agent's pane there, with colours. */
    CompletableFuture<List<String>> screen(String host, String server, String pane);

    /**
     * The argv of a local command attached to {@code session} there ({@code pane}: selected first,
     * "" none) over the machine's one connection.
     */
    Optional<List<String>> attach(String host, String server, String session, String pane);

    /** No other machines. */
    OtherMachines NONE = new OtherMachines() {
        @Override
        public Optional<AgentDoor> agents(String host, String server) {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<List<String>> screen(String host, String server, String pane) {
            return CompletableFuture.failedFuture(new IllegalStateException(host + " is not connected"));
        }

        @Override
        public Optional<List<String>> attach(String host, String server, String session, String pane) {
            return Optional.empty();
        }
    };
}
