package dev.muxbar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muxbar.api.ApiClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code muxbar wait --until waiting|done|idle|gone [--pane P | --session S | --agent NAME] [--timeout SECONDS]}:
 * returns when an agent that matches reaches the status ({@code gone}: when none is left), following
 * the event stream (no polling). Exit 0 reached, 1 timeout, 2 bad input or no daemon.
 */
@Command(
        name = "wait",
        mixinStandardHelpOptions = true,
        description = "Wait until an agent waits, is done, idles or is gone (exit 0; 1 on timeout, 2 on bad input).")
final class WaitCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(names = "--until", required = true, paramLabel = "STATUS", description = "waiting, done, idle or gone.")
    String until;

    @Option(names = "--pane", paramLabel = "P", description = "The agent in this pane (%%3).")
    String pane;

    @Option(names = "--session", paramLabel = "S", description = "Any agent in this session (id or name).")
    String session;

    @Option(names = "--agent", paramLabel = "NAME", description = "Any agent of this kind (claude, codex, …).")
    String agent;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "Give up after this long (exit 1); default: never.")
    double timeout;

    @Override
    public Integer call() throws Exception {
        if (!java.util.List.of("waiting", "done", "idle", "gone").contains(until)
                || timeout < 0
                || (agent != null && !agent.matches("[a-z0-9][a-z0-9._-]{0,31}"))) {
            System.err.println("muxbar: wait --until waiting|done|idle|gone [--pane P | --session S | --agent NAME] "
                    + "[--timeout SECONDS]");
            return 2;
        }
        String query = Streams.query("agents", session, pane);
        if (query == null) {
            System.err.println("muxbar: --pane takes a pane like %3");
            return 2;
        }
        Map<String, String> statuses = new HashMap<>(); // "%3 claude" → status, of matching agents
        java.util.concurrent.atomic.AtomicBoolean reached = new java.util.concurrent.atomic.AtomicBoolean();
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println("muxbar: no daemon runs for this tmux server");
                return 2;
            }
            int status = api.stream(
                    "/events" + query,
                    (long) (timeout * 1000),
                    e -> {
                        try {
                            JsonNode d = CliJson.MAPPER.readTree(e.data());
                            if (e.event().equals("snapshot")) {
                                d.path("agents").forEach(a -> note(statuses, a));
                            } else if (e.event().equals("agent")) {
                                note(statuses, d);
                            } else {
                                return true;
                            }
                        } catch (java.io.IOException x) {
                            return true;
                        }
                        reached.set(until.equals("gone") ? statuses.isEmpty() : statuses.containsValue(until));
                        return !reached.get();
                    },
                    err -> System.err.println("muxbar: " + Panes.error(err)));
            if (reached.get()) {
                return 0;
            }
            if (status == 408) {
                System.err.println("muxbar: timed out after " + timeout + " s");
                return 1;
            }
            return 2;
        }
    }

    private void note(Map<String, String> statuses, JsonNode a) {
        if (agent != null && !agent.equals(a.path("agent").asText())) {
            return;
        }
        String key = a.path("pane").asText() + " " + a.path("agent").asText();
        if (a.path("gone").asBoolean(false)) {
            statuses.remove(key);
        } else {
            statuses.put(key, a.path("status").asText());
        }
    }
}
