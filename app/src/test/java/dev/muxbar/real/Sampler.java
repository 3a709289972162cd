package dev.muxbar.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.model.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Samples the daemon's rows of some panes every {@link #EVERY_MS} on a thread of its own, as a sidebar would see them. */
final class Sampler {

    static final long EVERY_MS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path socket;
    private final List<String> panes;
    private final Map<String, List<Timeline.Sample>> samples = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private Thread thread;
    private int count;

    Sampler(Path socket, List<String> panes) {
        this.socket = socket;
        this.panes = List.copyOf(panes);
        panes.forEach(p -> samples.put(p, java.util.Collections.synchronizedList(new ArrayList<>())));
    }

    void start() {
        thread = new Thread(this::loop, "sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }

    int count() {
        return count;
    }

    List<Timeline.Sample> of(String pane) {
        synchronized (samples.get(pane)) {
            return List.copyOf(samples.get(pane));
        }
    }

    private void loop() {
        try (ApiClient api = new ApiClient(socket)) {
            while (running) {
                long t = System.currentTimeMillis();
                try {
                    JsonNode state = JSON.readTree(api.get("/state").body());
                    for (String pane : panes) {
                        Timeline.Sample s = new Timeline.Sample(t, null, null, "no row");
                        for (JsonNode a : state.path("agents")) {
                            if (a.path("pane").asText().equals(pane)) {
                                s = new Timeline.Sample(
                                        t,
                                        Status.parse(a.path("status").asText()),
                                        a.path("thread").isTextual()
                                                ? a.path("thread").asText()
                                                : null,
                                        a.path("source").asText());
                            }
                        }
                        samples.get(pane).add(s);
                    }
                    count++;
                } catch (java.io.IOException e) {
                    // the daemon is busy or going: a gap in the samples, scored as time nobody saw
                }
                Thread.sleep(Math.max(1, t + EVERY_MS - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
