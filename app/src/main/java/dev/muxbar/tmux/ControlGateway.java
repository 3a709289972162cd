package dev.muxbar.tmux;

import dev.muxbar.state.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link TmuxGateway} over one control-mode client, reconnecting when tmux detaches it (its session
 * was destroyed, someone ran {@code detach-client -a}). When no client can attach any more the tmux
 * server is gone and {@code onServerGone} runs once.
 */
public final class ControlGateway implements TmuxGateway {

    /** Attempts to re-attach before concluding the server is gone. */
    private static final int RECONNECT_ATTEMPTS = 3;

    private final TmuxAddress address;
    private final Consumer<Notification> listener;
    private final Runnable onReconnected;
    private final Runnable onServerGone;
    private final Consumer<String> log;
    private volatile ControlClient client;
    private volatile boolean closing;

    private ControlGateway(TmuxAddress address, Consumer<Notification> listener, Runnable onReconnected,
                           Runnable onServerGone, Consumer<String> log) {
        this.address = address;
        this.listener = listener;
        this.onReconnected = onReconnected;
        this.onServerGone = onServerGone;
        this.log = log;
    }

    /**
     * Connects, or throws when no tmux server answers at the address.
     *
     * @param listener notifications, on the reader thread (post them to the loop; do not block)
     */
    public static ControlGateway connect(TmuxAddress address, Consumer<Notification> listener,
                                         Runnable onReconnected, Runnable onServerGone, Consumer<String> log)
            throws IOException {
        ControlGateway g = new ControlGateway(address, listener, onReconnected, onServerGone, log);
        ControlClient c = g.attach();
        if (c == null) {
            throw new IOException("no tmux server is running at " + address.socket());
        }
        g.client = c;
        return g;
    }

    /** Starts a client and proves it answers; null when it cannot attach. */
    private ControlClient attach() {
        ControlClient[] self = new ControlClient[1];
        try {
            self[0] = ControlClient.start(address, listener, () -> onClosed(self[0]));
            ControlParser.Reply r = self[0].send("display-message -p muxbar").get(2, TimeUnit.SECONDS);
            if (!r.error()) {
                return self[0];
            }
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            // fall through: not attached
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (self[0] != null) {
            self[0].close();
        }
        return null;
    }

    private void onClosed(ControlClient which) {
        if (closing || which == null || which != client) {
            return; // a probe that failed, or an old client
        }
        for (int i = 0; i < RECONNECT_ATTEMPTS && !closing; i++) {
            ControlClient c = attach();
            if (c != null) {
                client = c;
                log.accept("control client re-attached (pid " + c.pid() + ")");
                onReconnected.run();
                return;
            }
        }
        if (!closing) {
            log.accept("tmux server at " + address.socket() + " is gone");
            onServerGone.run();
        }
    }

    /** The pid of the current control client ({@code #{client_pid}}), to exclude it from the model. */
    public long clientPid() {
        return client.pid();
    }

    @Override
    public CompletableFuture<Snapshot> refresh() {
        ControlClient c = client;
        List<CompletableFuture<ControlParser.Reply>> replies = c.sendAll(Formats.refreshCommands());
        return CompletableFuture.allOf(replies.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
            List<List<String>> lines = new ArrayList<>();
            for (CompletableFuture<ControlParser.Reply> f : replies) {
                lines.add(f.join().lines()); // list-clients with no clients is an empty, non-error reply
            }
            return ListParser.snapshot(lines, c.pid());
        });
    }

    @Override
    public CompletableFuture<Map<String, Snapshot.PaneProcess>> paneProcesses() {
        return client.send(Formats.processCommand()).thenApply(r -> ListParser.processes(r.lines()));
    }

    @Override
    public CompletableFuture<List<String>> run(String commandLine) {
        return client.send(commandLine).thenApply(r -> {
            if (r.error()) {
                throw new TmuxException(String.join("\n", r.lines()));
            }
            return r.lines();
        });
    }

    @Override
    public void close() {
        closing = true;
        ControlClient c = client;
        if (c != null) {
            c.close();
        }
    }
}
