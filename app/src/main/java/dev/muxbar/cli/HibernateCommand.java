package dev.muxbar.cli;

import dev.muxbar.api.ApiClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code muxbar hibernate PANE}: ends an idle or finished agent to free its memory, keeping what
 * brings it back; its pane shows "hibernated — Enter to wake". Never a working or waiting agent. Exit
 * 0 done, 1 refused, 2 bad input or no daemon.
 */
@Command(
        name = "hibernate",
        mixinStandardHelpOptions = true,
        description = "End an idle agent to free its memory; Enter in its pane (or muxbar resume PANE) brings it back.")
final class HibernateCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Parameters(index = "0", paramLabel = "PANE", description = "The agent's pane (%%3, as $TMUX_PANE).")
    String pane;

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
            ApiClient.Answer a = api.post("/hibernate?pane=" + AnswerCommand.enc(p));
            if (a.status() != 200) {
                System.err.println("muxbar: " + Panes.error(a.body()));
                return a.status() == 409 ? 1 : 2;
            }
            System.out.println(
                    "muxbar: " + CliJson.MAPPER.readTree(a.body()).path("said").asText());
            return 0;
        }
    }
}
