package dev.muxbar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muxbar.api.ApiClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code muxbar usage [--json] [--since 24h|7d|DATE] [--by agent|session|model|day]}: what each agent of
 * this tmux server has used, from its own transcript or rollout — model, context in use of its window,
 * tokens of the last turn and the session, cost (where the model's price is known or the agent says it),
 * the plan's quota windows (where the agent says them); with {@code --since}/{@code --by}, the totals of
 * the days kept.
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

    @Option(
            names = "--since",
            paramLabel = "WHEN",
            description = "Totals of the days kept from WHEN on: 24h, 7d, today or a date (2026-12-01).")
    String since;

    @Option(
            names = "--by",
            paramLabel = "KEY",
            description = "Totals by agent, session, model or day (default: day; implies --since 7d).")
    String by;

    @Override
    public Integer call() throws Exception {
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println("muxbar: no daemon runs for this tmux server");
                return 2;
            }
            boolean history = since != null || by != null;
            ApiClient.Answer a = api.get(
                    history
                            ? "/usage?since="
                                    + java.net.URLEncoder.encode(
                                            since == null ? "7d" : since, java.nio.charset.StandardCharsets.UTF_8)
                                    + "&by="
                                    + java.net.URLEncoder.encode(
                                            by == null ? "day" : by, java.nio.charset.StandardCharsets.UTF_8)
                            : "/usage");
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
            if (history) {
                System.out.println("since " + u.path("since").asText() + ", by "
                        + u.path("by").asText());
                for (JsonNode r : u.path("rows")) {
                    System.out.printf(
                            "%-40s in %10d out %9d  %s%n",
                            r.path("key").asText(),
                            r.path("in").asLong(),
                            r.path("out").asLong(),
                            r.path("costUsd").isNull()
                                    ? "tokens only"
                                    : String.format(
                                            java.util.Locale.ROOT,
                                            "$%.2f",
                                            r.path("costUsd").asDouble()));
                }
                System.out.println("total "
                        + String.format(
                                java.util.Locale.ROOT,
                                "$%.2f",
                                u.path("costUsd").asDouble())
                        + (u.path("unpriced").asInt() > 0 ? " (+ tokens of models priced unknown)" : ""));
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
            System.out.println("total "
                    + String.format(
                            java.util.Locale.ROOT, "$%.2f", u.path("costUsd").asDouble())
                    + (u.path("unpriced").asInt() > 0
                            ? " (+" + u.path("unpriced").asInt() + " agents priced unknown)"
                            : "")
                    + (u.path("today").path("costUsd").isNumber()
                            ? "; today "
                                    + String.format(
                                            java.util.Locale.ROOT,
                                            "$%.2f",
                                            u.path("today").path("costUsd").asDouble())
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
