package dev.muxbar.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.Transport;

/** A one-shot client of the daemon's API for the CLI (Jetty's HTTP client over the Unix socket). */
public final class ApiClient implements AutoCloseable {

    /** An answer: HTTP status and JSON body. */
    public record Answer(int status, String body) {}

    private final Path socket;
    private final HttpClient http = new HttpClient();

    public ApiClient(Path socket) {
        this.socket = socket;
    }

    /** True when a daemon answers on the socket. */
    public boolean alive() {
        try {
            return Files.exists(socket) && get("/health").status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public Answer get(String pathAndQuery) throws IOException {
        return send("GET", pathAndQuery);
    }

    public Answer post(String pathAndQuery) throws IOException {
        return send("POST", pathAndQuery, null);
    }

    /** POST with a JSON body. */
    public Answer post(String pathAndQuery, String json) throws IOException {
        return send("POST", pathAndQuery, json);
    }

    private Answer send(String method, String pathAndQuery) throws IOException {
        return send(method, pathAndQuery, null);
    }

    private Answer send(String method, String pathAndQuery, String json) throws IOException {
        try {
            if (!http.isStarted()) {
                http.start();
            }
            var request = http.newRequest("http://muxbar" + pathAndQuery)
                    .method(method)
                    .transport(new Transport.TCPUnix(socket))
                    .timeout(5, TimeUnit.SECONDS);
            if (json != null) {
                request.body(new org.eclipse.jetty.client.StringRequestContent("application/json", json));
            }
            ContentResponse r = request.send();
            return new Answer(r.getStatus(), r.getContentAsString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (Exception e) {
            throw new IOException("cannot reach the muxbar daemon at " + socket + ": " + e.getMessage(), e);
        }
    }

    /** One Server-Sent Event as read: its id (may be null), type and data. */
    public record StreamEvent(String id, String event, String data) {}

    /**
     * Reads {@code GET pathAndQuery} as Server-Sent Events, calling {@code onEvent} for each until it
     * returns false, the stream ends, or {@code timeoutMs} (0: none) passes. Returns the HTTP status
     * (the error body goes to {@code onError}).
     */
    public int stream(
            String pathAndQuery,
            long timeoutMs,
            java.util.function.Predicate<StreamEvent> onEvent,
            java.util.function.Consumer<String> onError)
            throws IOException {
        try {
            if (!http.isStarted()) {
                http.start();
            }
            long started = System.nanoTime();
            var listener = new org.eclipse.jetty.client.InputStreamResponseListener();
            var request = http.newRequest("http://muxbar" + pathAndQuery)
                    .method("GET")
                    .transport(new Transport.TCPUnix(socket))
                    .idleTimeout(timeoutMs > 0 ? timeoutMs + 1_000 : 0, TimeUnit.MILLISECONDS);
            if (timeoutMs > 0) {
                request.timeout(timeoutMs, TimeUnit.MILLISECONDS);
            }
            request.send(listener);
            var response = listener.get(5, TimeUnit.SECONDS);
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    listener.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                if (response.getStatus() != 200) {
                    StringBuilder sb = new StringBuilder();
                    for (String l = in.readLine(); l != null; l = in.readLine()) {
                        sb.append(l);
                    }
                    onError.accept(sb.toString());
                    return response.getStatus();
                }
                String id = null;
                String event = null;
                StringBuilder data = new StringBuilder();
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    if (l.isEmpty()) {
                        if (event != null || data.length() > 0) {
                            if (!onEvent.test(
                                    new StreamEvent(id, event == null ? "message" : event, data.toString()))) {
                                request.abort(new java.util.concurrent.CancellationException("done"));
                                return 200;
                            }
                        }
                        event = null;
                        data.setLength(0);
                    } else if (l.startsWith("id: ")) {
                        id = l.substring(4);
                    } else if (l.startsWith("event: ")) {
                        event = l.substring(7);
                    } else if (l.startsWith("data: ")) {
                        data.append(data.length() > 0 ? "\n" : "").append(l.substring(6));
                    }
                }
                return 200;
            } catch (IOException e) {
                if (timeoutMs > 0 && (System.nanoTime() - started) / 1_000_000 >= timeoutMs - 100) {
                    return 408; // the deadline ended the stream
                }
                throw e;
            }
        } catch (java.util.concurrent.TimeoutException e) {
            return 408;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot reach the muxbar daemon at " + socket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            // nothing to do
        }
    }
}
