package dev.muxbar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muxbar.api.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code muxbar explain [PANE]}: why each agent row shows its status — the source and evidence that
 * set it, how long ago, and its last transitions. Meant to be pasted into bug reports.
 *
 * <pre>
 * %3 claude  waiting (permission)  12s  hook PermissionRequest Bash
 *     hooks speak for it · 1 tool call open · last signal 11s ago
 *     -40s idle → running           hook    hook UserPromptSubmit
 *     -13s running → tool-running   hook    hook PreToolUse Bash
 *     -12s tool-running → waiting   hook    hook PermissionRequest Bash
 * </pre>
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Explain each agent row: its status, the source and evidence that set it, its last transitions.")
final class ExplainCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Parameters(arity = "0..1", paramLabel = "PANE", description = "Only this pane (%%3); default: every agent.")
    String pane;

    @Option(names = "--json", description = "Print the daemon's JSON.")
    boolean json;

    /** Agents whose transcripts muxbar reads. */
    private static final java.util.Set<String> FILE_AGENTS = java.util.Set.of("claude", "codex");

    @Override
    public Integer call() throws Exception {
        String p = pane == null ? null : Panes.normalise(pane);
        if (pane != null && p == null) {
            System.err.println("muxbar: a pane looks like %3 (as $TMUX_PANE), got: " + pane);
            return 2;
        }
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println(
                        "muxbar: no daemon runs for this tmux server (start tmux with the plugin, or `muxbar server`)");
                return 2;
            }
            ApiClient.Answer a = api.get(
                    "/agents/explain" + (p == null ? "" : "?pane=" + URLEncoder.encode(p, StandardCharsets.UTF_8)));
            if (a.status() != 200) {
                System.err.println("muxbar: " + Panes.error(a.body()));
                return 2;
            }
            if (json) {
                System.out.println(a.body().strip());
                return 0;
            }
            JsonNode agents = CliJson.MAPPER.readTree(a.body()).path("agents");
            if (agents.isEmpty()) {
                System.out.println(p == null ? "no agent rows" : "no agent row in pane " + p);
                return p == null ? 0 : 1;
            }
            for (JsonNode x : agents) {
                print(x);
            }
            return 0;
        }
    }

    private static void print(JsonNode x) {
        JsonNode row = x.path("row");
        String waits =
                row.path("waitsFor").isTextual() ? " (" + row.path("waitsFor").asText() + ")" : "";
        System.out.printf(
                "%s %s  %s%s  %s  %s%n",
                row.path("pane").asText(),
                row.path("agent").asText(),
                row.path("status").asText(),
                waits,
                age(x.path("ageMs").asLong()),
                x.path("evidence").asText("?"));
        System.out.printf(
                "    %s · %d tool call%s open · last signal %s ago%s%n",
                x.path("hooked").asBoolean() ? "hooks speak for it" : "no hooks heard (transcript, registry, screen)",
                x.path("openTools").asInt(),
                x.path("openTools").asInt() == 1 ? "" : "s",
                age(x.path("quietMs").asLong()),
                row.path("thread").isTextual()
                        ? " · thread " + row.path("thread").asText()
                        : "");
        boolean screenOnly = !x.path("hooked").asBoolean()
                && row.path("source").asText().equals("screen")
                && x.path("transitions").findValues("source").stream()
                        .allMatch(v -> v.asText().equals("screen") || v.asText().equals("guess"));
        if (screenOnly && FILE_AGENTS.contains(row.path("agent").asText())) {
            System.out.printf(
                    "    only its screen speaks: no hooks (muxbar hooks install %s), and no transcript heard where its own%n"
                            + "    CLAUDE_CONFIG_DIR / CODEX_HOME / HOME put it (or @muxbar-agent-files is off; see muxbar doctor)%n",
                    row.path("agent").asText());
        }
        for (JsonNode t : x.path("transitions")) {
            String from = t.path("from").isTextual() ? t.path("from").asText() : "new";
            System.out.printf(
                    "    -%-5s %-28s %-10s %s%n",
                    age(t.path("agoMs").asLong()),
                    from + " → " + t.path("to").asText(),
                    t.path("source").asText(),
                    t.path("evidence").asText(""));
        }
    }

    private static String age(long ms) {
        long s = ms / 1000;
        return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s / 3600 + "h";
    }
}
