package dev.muxbar.cli;

import dev.muxbar.api.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code muxbar order move|hide|unhide|reset}: edits the custom order through the running daemon. */
@Command(name = "order", description = "Change the sidebar order (needs the daemon).",
        subcommands = {OrderCommand.Move.class, OrderCommand.Hide.class, OrderCommand.Unhide.class,
                OrderCommand.Reset.class})
final class OrderCommand {

    static int post(Target target, String path) throws Exception {
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println("muxbar: no daemon runs for " + target.address().socket()
                        + " (start it with: muxbar server)");
                return 1;
            }
            ApiClient.Answer a = api.post(path);
            if (a.status() != 200) {
                System.err.println("muxbar: " + a.body().trim());
                return 1;
            }
            return 0;
        }
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Command(name = "move", description = "Move SESSION (id like $3, or exact name) to POSITION (1 = top).")
    static final class Move implements Callable<Integer> {
        @Mixin Target target;
        @Parameters(index = "0", paramLabel = "SESSION") String session;
        @Parameters(index = "1", paramLabel = "POSITION") int position;

        @Override
        public Integer call() throws Exception {
            return post(target, "/order/move?session=" + q(session) + "&position=" + position);
        }
    }

    @Command(name = "hide", description = "Hide SESSION from the sidebar and the switch keys.")
    static final class Hide implements Callable<Integer> {
        @Mixin Target target;
        @Parameters(paramLabel = "SESSION") String session;

        @Override
        public Integer call() throws Exception {
            return post(target, "/order/hide?session=" + q(session));
        }
    }

    @Command(name = "unhide", description = "Show a hidden SESSION again.")
    static final class Unhide implements Callable<Integer> {
        @Mixin Target target;
        @Parameters(paramLabel = "SESSION") String session;

        @Override
        public Integer call() throws Exception {
            return post(target, "/order/unhide?session=" + q(session));
        }
    }

    @Command(name = "reset", description = "Forget the custom order.")
    static final class Reset implements Callable<Integer> {
        @Mixin Target target;

        @Override
        public Integer call() throws Exception {
            return post(target, "/order/reset");
        }
    }
}
