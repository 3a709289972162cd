package dev.muxbar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muxbar.api.ApiClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code muxbar agents [--ended] [--json]}: the agents muxbar remembers for this tmux server — running,
 * to resume, hibernated — or ({@code --ended}) the last ones the user ended, most recent first.
 */
@Command(
        name = "agents",
        mixinStandardHelpOptions = true,
        description = "The agents remembered across restarts (--ended: the last ones you ended).")
final class AgentsCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(names = "--ended", description = "The agents that were ended (the last 200).")
    boolean ended;

    @Option(names = "--json", description = "As JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println("muxbar: no daemon runs for this tmux server");
                return 2;
            }
            ApiClient.Answer a = api.get("/agents/remembered" + (ended ? "?ended=1" : ""));
            if (a.status() != 200) {
                System.err.println("muxbar: " + Panes.error(a.body()));
                return 2;
            }
            JsonNode list = CliJson.MAPPER.readTree(a.body()).path("agents");
            if (json) {
                System.out.println(
                        CliJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(list));
                return 0;
            }
            for (JsonNode e : list) {
                System.out.printf(
                        "%-10s %-8s %-11s %s:%d.%d  %s%s%n",
                        e.path("state").asText(),
                        e.path("agent").asText(),
                        e.path("resumeId").isNull()
                                ? "(latest)"
                                : abbreviate(e.path("resumeId").asText()),
                        e.path("session").asText(),
                        e.path("window").asInt(),
                        e.path("pane").asInt(),
                        e.path("cwd").asText(),
                        e.path("error").isNull() ? "" : "  ✗ " + e.path("error").asText());
            }
            return 0;
        }
    }

    private static String abbreviate(String id) {
        return id.length() > 11 ? id.substring(0, 10) + "…" : id;
    }
}
