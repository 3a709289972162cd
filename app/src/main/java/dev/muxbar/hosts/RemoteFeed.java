package dev.muxbar.hosts;

import dev.muxbar.model.RemoteSession;
import dev.muxbar.model.Scheduler;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.io.Transport;

/**
 * One remote daemon's sessions and agents, read from its event stream through the socket a
 * {@link HostLink} forwarded: asynchronous (the daemon's one HTTP client for every host; no thread of
 * its own), the bytes parsed by {@link RemoteState} as they come, what changed handed to {@code loop}
 * ({@code changed}), and why a stream ended ({@code ended}: the remote daemon stopped, or hangs).
 * A stream silent past {@link #SILENT_MS} (the remote sends a heartbeat every 2.5 s) is dropped; a
 * stream that ends is read again after {@link #AGAIN_MS} while the feed lives.
 */
public final class RemoteFeed implements AutoCloseable {

    static final long SILENT_MS = 10_000;
    static final long AGAIN_MS = 1_000;

    private final HttpClient http;
    private final Path socket;
    private final String host;
    private final String server;
    private final Scheduler scheduler;
    private final Executor loop;
    private final Consumer<List<RemoteSession>> changed;
    private final Consumer<String> ended;
    private volatile long lastBytes;
    private Request request;
    private Scheduler.Cancellable watchdog;
    private Scheduler.Cancellable again;
    private boolean closed;

    public RemoteFeed(
            HttpClient http,
            Path socket,
            String host,
            String server,
            Scheduler scheduler,
            Executor loop,
            Consumer<List<RemoteSession>> changed,
            Consumer<String> ended) {
        this.http = http;
        this.socket = socket;
        this.host = host;
        this.server = server;
        this.scheduler = scheduler;
        this.loop = loop;
        this.changed = changed;
        this.ended = ended;
    }

    /** Opens the stream (on the loop). */
    public void start() {
        if (closed) {
            return;
        }
        RemoteState state = new RemoteState(host, server);
        lastBytes = scheduler.now();
        Request r = http.newRequest("http://muxbar/events?types=sessions,agents")
                .method("GET")
                .transport(new Transport.TCPUnix(socket))
                .idleTimeout(SILENT_MS, TimeUnit.MILLISECONDS);
        request = r;
        r.onResponseContent((response, content) -> {
            lastBytes = scheduler.now();
            if (read(state, content)) {
                List<RemoteSession> now = state.sessions();
                loop.execute(() -> {
                    if (request == r && !closed) {
                        changed.accept(now);
                    }
                });
            }
        });
        r.send(result -> loop.execute(() -> ended(r, result.getFailure())));
        watchdog = scheduler.every(SILENT_MS / 2, () -> {
            if (scheduler.now() - lastBytes > SILENT_MS) {
                r.abort(new java.io.IOException("silent for " + SILENT_MS / 1000 + " s"));
            }
        });
    }

    /** Feeds what arrived; a remote that sends an event too large for its bound is not read further. */
    private boolean read(RemoteState state, ByteBuffer content) {
        byte[] b = new byte[content.remaining()];
        content.get(b);
        try {
            return state.feed(b, 0, b.length);
        } catch (RemoteState.TooBig e) {
            request.abort(e);
            return false;
        }
    }

    private void ended(Request r, Throwable failure) {
        if (r != request || closed) {
            return;
        }
        if (watchdog != null) {
            watchdog.cancel();
        }
        ended.accept(failure == null ? "the event stream ended" : "event stream: " + failure.getMessage());
        again = scheduler.schedule(AGAIN_MS, this::start);
    }

    @Override
    public void close() {
        closed = true;
        if (watchdog != null) {
            watchdog.cancel();
        }
        if (again != null) {
            again.cancel();
        }
        if (request != null) {
            request.abort(new java.util.concurrent.CancellationException("closed"));
        }
    }
}
