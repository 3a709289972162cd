package dev.muxbar.tmux;

import dev.muxbar.model.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The daemon's only way to talk to tmux. Implemented over control mode; faked in tests. */
public interface TmuxGateway extends AutoCloseable {

    /**
     * One refresh: the list commands of the given parts pipelined in one round trip; the other parts
     * reuse their last parsed replies. Panes get their command and cwd from {@code processes}.
     */
    CompletableFuture<Snapshot> refresh(Set<Formats.Part> parts, Map<String, Snapshot.PaneProcess> processes);

    /** The pane process scan ({@link Formats#processCommand()}): pane id → command and cwd. */
    CompletableFuture<Map<String, Snapshot.PaneProcess>> paneProcesses();

    /**
     * Runs one tmux command line (already quoted for tmux's parser) that tmux answers with
     * {@code blocks} reply blocks ({@link TmuxCommand}). Completes with the first block's output
     * lines, or exceptionally with {@link TmuxException} when tmux answered it with {@code %error}.
     */
    CompletableFuture<List<String>> run(String commandLine, int blocks);

    /** Runs one command (one reply block). */
    default CompletableFuture<List<String>> run(String commandLine) {
        return run(commandLine, 1);
    }

    /** Runs a typed command ({@link Commands}) and parses its reply. */
    default <T> CompletableFuture<T> send(TmuxCommand<T> command) {
        return run(command.line(), command.blocks()).thenApply(command.reply());
    }

    @Override
    void close();

    /** tmux answered a command with {@code %error}; the message is tmux's own text. */
    final class TmuxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TmuxException(String message) {
            super(message);
        }
    }
}
