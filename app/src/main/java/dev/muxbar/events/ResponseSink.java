package dev.muxbar.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The stream written into an open HTTP response (the local API's {@code /events}, the web view's
 * {@code /api/events}): each batch an asynchronous write, so a client that stops reading stalls only its
 * own response; closing completes it.
 */
public final class ResponseSink implements EventHub.Sink {

    private final Response response;
    private final Callback callback;

    public ResponseSink(Response response, Callback callback) {
        this.response = response;
        this.callback = callback;
    }

    @Override
    public void write(String text, java.util.function.Consumer<Throwable> done) {
        response.write(
                false,
                ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)),
                Callback.from(() -> done.accept(null), done::accept));
    }

    @Override
    public void close() {
        response.write(true, null, callback);
    }
}
