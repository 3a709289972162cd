package dev.muxbar.cli;

import dev.muxbar.api.ApiClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code muxbar reply PANE TEXT… [--force]}: types TEXT (its words joined by spaces) into the agent's
 * input exactly as it is, then Enter — to an agent waiting for input; to a working one only with
 * {@code --force}. Exit 0 sent, 1 refused, 2 bad input or no daemon.
 */
@Command(
        name = "reply",
        mixinStandardHelpOptions = true,
        description = "Type a reply into an agent's input and press Enter (without switching to it).")
final class ReplyCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Parameters(index = "0", paramLabel = "PANE", description = "The agent's pane (%%3, as $TMUX_PANE).")
    String pane;

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "TEXT",
            description = "The reply (one line); put -- before a text that starts with a dash.")
    List<String> words;

    @Option(names = "--force", description = "Send even while the agent works or waits for a permission.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        String p = Panes.normalise(pane);
        if (p == null) {
            System.err.println("muxbar: a pane looks like %3 (as $TMUX_PANE), got: " + pane);
            return 2;
        }
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println("muxbar: no daemon runs for this tmux server");
                return 2;
            }
            ApiClient.Answer a = api.post(
                    "/agents/reply?pane=" + AnswerCommand.enc(p) + (force ? "&force=1" : ""), String.join(" ", words));
            if (a.status() != 200) {
                System.err.println("muxbar: " + Panes.error(a.body()));
                return a.status() == 409 || a.status() == 404 ? 1 : 2;
            }
            System.out.println(
                    "muxbar: " + CliJson.MAPPER.readTree(a.body()).path("sent").asText());
            return 0;
        }
    }
}
