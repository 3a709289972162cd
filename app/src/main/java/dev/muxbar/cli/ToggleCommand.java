package dev.muxbar.cli;

import dev.muxbar.api.ApiClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code muxbar toggle [on|off]}: sidebars in every window on or off (remembered). */
@Command(
        name = "toggle",
        mixinStandardHelpOptions = true,
        description = "Turn the sidebars on or off in every window (no argument: flip).")
final class ToggleCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Parameters(arity = "0..1", paramLabel = "on|off")
    String state;

    @Override
    public Integer call() throws Exception {
        String query = state == null
                ? ""
                : switch (state) {
                    case "on" -> "?on=1";
                    case "off" -> "?on=0";
                    default -> null;
                };
        if (query == null) {
            System.err.println("muxbar: toggle takes on, off or nothing, got: " + state);
            return 2;
        }
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println(
                        "muxbar: no daemon runs for " + target.address().socket());
                return 1;
            }
            ApiClient.Answer a = api.post("/toggle" + query);
            System.out.println(a.body().trim());
            return a.status() == 200 ? 0 : 1;
        }
    }
}
