package dev.muxbar.cli;

import dev.muxbar.api.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code muxbar order move|hide|unhide|reset}: edits the custom order through the running daemon. */
@Command(name = "order", mixinStandardHelpOptions = true, description = "Change the sidebar order (needs the daemon).")
final class OrderCommand {

    @Command(
            name = "move",
            mixinStandardHelpOptions = true,
            description = "Move SESSION (id like $3, or exact name) to POSITION (1 = top).")
    int move(
            @Mixin Target target,
            @Parameters(paramLabel = "SESSION") String session,
            @Parameters(paramLabel = "POSITION") int position)
            throws Exception {
        return post(target, "/order/move?session=" + q(session) + "&position=" + position);
    }

    @Command(
            name = "hide",
            mixinStandardHelpOptions = true,
            description = "Hide SESSION from the sidebar and the switch keys.")
    int hide(@Mixin Target target, @Parameters(paramLabel = "SESSION") String session) throws Exception {
        return post(target, "/order/hide?session=" + q(session));
    }

    @Command(name = "unhide", mixinStandardHelpOptions = true, description = "Show a hidden SESSION again.")
    int unhide(@Mixin Target target, @Parameters(paramLabel = "SESSION") String session) throws Exception {
        return post(target, "/order/unhide?session=" + q(session));
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Forget the custom order.")
    int reset(@Mixin Target target) throws Exception {
        return post(target, "/order/reset");
    }

    private static int post(Target target, String path) throws Exception {
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println(
                        "muxbar: no daemon runs for " + target.address().socket() + " (start it with: muxbar server)");
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

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
