package dev.muxbar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muxbar.api.ApiClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code muxbar resume [--all | PANE | SESSION | ID] [--dry-run]}: brings remembered agents back — in
 * their pane, or in a session, window and pane made again where they ran — with their resume command
 * (what is typed is printed). Never one that runs already. Exit 0 all brought back, 1 some not, 2 bad
 * input or no daemon.
 */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description =
                "Bring back agents that went with a restart (or were hibernated): all, a pane's, a session's or an id's.")
final class ResumeCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "TARGET",
            description = "A pane (%%3), a session name or a resume id.")
    String what;

    @Option(names = "--all", description = "Every agent that can be brought back.")
    boolean all;

    @Option(names = "--dry-run", description = "Only print what would be typed where.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        if (what == null && !all) {
            System.err.println("muxbar: resume what? --all, a pane (%3), a session name or a resume id");
            return 2;
        }
        String t = all ? "all" : what.matches("[0-9]+") ? "%" + what : what;
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println("muxbar: no daemon runs for this tmux server");
                return 2;
            }
            ApiClient.Answer a = api.post("/resume?target=" + AnswerCommand.enc(t) + (dryRun ? "&dry=1" : ""));
            if (a.status() != 200) {
                System.err.println("muxbar: " + Panes.error(a.body()));
                return a.status() == 404 ? 1 : 2;
            }
            int code = 0;
            for (JsonNode o : CliJson.MAPPER.readTree(a.body()).path("outcomes")) {
                boolean done = o.path("done").asBoolean();
                code = done || dryRun ? code : 1;
                System.out.println((dryRun ? "would " : done ? "resumed " : "not resumed ")
                        + o.path("agent").asText() + ": " + o.path("said").asText());
            }
            return code;
        }
    }
}
