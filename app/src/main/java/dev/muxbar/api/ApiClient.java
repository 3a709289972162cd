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

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            // nothing to do
        }
    }
}
