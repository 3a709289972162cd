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
 * {@code muxbar answer PANE [CHOICE] [--prompt HASH]}: without CHOICE, the prompt the agent in PANE
 * shows and its numbered choices; with it, picks that choice — of the prompt with HASH when given
 * (a script that showed the prompt first), else of the prompt on screen now. Exit 0 sent, 1 refused
 * (the prompt changed, no prompt, no agent), 2 bad input or no daemon.
 */
@Command(
        name = "answer",
        mixinStandardHelpOptions = true,
        description = "Show an agent's prompt and its choices, or answer it (without switching to it).")
final class AnswerCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Parameters(index = "0", paramLabel = "PANE", description = "The agent's pane (%%3, as $TMUX_PANE).")
    String pane;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CHOICE", description = "The number of the choice (1-9).")
    String choice;

    @Option(
            names = "--prompt",
            paramLabel = "HASH",
            description = "Answer only the prompt with this hash (from the listing).")
    String hash;

    @Override
    public Integer call() throws Exception {
        String p = Panes.normalise(pane);
        if (p == null
                || (choice != null && !choice.matches("[1-9]"))
                || (hash != null && !hash.matches("[0-9a-f]{16}"))) {
            System.err.println(
                    "muxbar: answer PANE [CHOICE] [--prompt HASH]: a pane like %3, a choice 1-9, a 16-hex hash");
            return 2;
        }
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println("muxbar: no daemon runs for this tmux server");
                return 2;
            }
            ApiClient.Answer shown = api.get("/agents/prompt?pane=" + enc(p));
            if (shown.status() != 200) {
                System.err.println("muxbar: " + Panes.error(shown.body()));
                return shown.status() == 404 ? 1 : 2;
            }
            JsonNode s = CliJson.MAPPER.readTree(shown.body());
            JsonNode prompt = s.path("prompt");
            if (choice == null) {
                System.out.println(p + " " + s.path("agent").asText() + " "
                        + s.path("status").asText()
                        + (prompt.isObject() ? "  prompt " + prompt.path("hash").asText() : "  (no prompt on screen)"));
                for (JsonNode c : prompt.path("choices")) {
                    System.out.println("  " + c.path("number").asInt() + "  "
                            + c.path("label").asText());
                }
                return prompt.isObject() ? 0 : 1;
            }
            if (!prompt.isObject()) {
                System.err.println(
                        "muxbar: " + s.path("agent").asText() + " in " + p + " shows no prompt muxbar can answer");
                return 1;
            }
            String h = hash != null ? hash : prompt.path("hash").asText();
            ApiClient.Answer a = api.post("/agents/answer?pane=" + enc(p) + "&choice=" + choice + "&prompt=" + h);
            if (a.status() != 200) {
                System.err.println("muxbar: " + Panes.error(a.body()));
                return a.status() == 409 || a.status() == 404 ? 1 : 2;
            }
            System.out.println(
                    "muxbar: " + CliJson.MAPPER.readTree(a.body()).path("sent").asText());
            return 0;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
