package dev.muxbar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muxbar.api.ApiClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code muxbar usage [--json]}: what each agent of this tmux server has used, from its own transcript
 * or rollout — model, context in use of its window, tokens of the last turn and the session, cost
 * (where the model's price is known), the plan's quota windows (where the agent says them).
 */
@Command(
        name = "usage",
        mixinStandardHelpOptions = true,
        description = "What each agent used: context, tokens, cost, plan quota — from the agents' own files.")
final class UsageCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(names = "--json", description = "GET /usage as it is.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println("muxbar: no daemon runs for this tmux server");
                return 2;
            }
            ApiClient.Answer a = api.get("/usage");
            if (a.status() != 200) {
                System.err.println("muxbar: " + Panes.error(a.body()));
                return 2;
            }
            JsonNode u = CliJson.MAPPER.readTree(a.body());
            if (json) {
                System.out.println(
                        CliJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(u));
                return 0;
            }
            for (JsonNode g : u.path("agents")) {
                System.out.printf(
                        "%-4s %-8s %-12s %-22s ctx %4s  in %9d out %8d (last %d/%d)  %s%s%n",
                        g.path("pane").asText(),
                        g.path("agent").asText(),
                        g.path("session").asText(""),
                        g.path("model").asText(),
                        g.path("contextPercent").isNull()
                                ? "?"
                                : g.path("contextPercent").asInt() + "%",
                        g.path("sessionIn").asLong(),
                        g.path("sessionOut").asLong(),
                        g.path("lastIn").asLong(),
                        g.path("lastOut").asLong(),
                        g.path("costUsd").isNull()
                                ? "tokens only (price unknown)"
                                : "$" + g.path("costUsd").asText(),
                        quota(g.path("quota").path("primary"))
                                + quota(g.path("quota").path("secondary")));
            }
            System.out.println("total $" + u.path("costUsd").asText()
                    + (u.path("unpriced").asInt() > 0
                            ? " (+" + u.path("unpriced").asInt() + " agents priced unknown)"
                            : ""));
            return 0;
        }
    }

    /** "  5h 63%", "  7d 20%": a quota window by its length. */
    private static String quota(JsonNode q) {
        if (!q.isObject()) {
            return "";
        }
        long min = q.path("windowMinutes").asLong();
        String name = min > 0 && min % 1440 == 0 ? min / 1440 + "d" : min / 60 + "h";
        return "  " + name + " " + Math.round(q.path("usedPercent").asDouble()) + "%";
    }
}
