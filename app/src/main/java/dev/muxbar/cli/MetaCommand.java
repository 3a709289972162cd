package dev.muxbar.cli;

import dev.muxbar.api.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code muxbar meta status|progress|log|notify|clear SESSION [ARGS…]}: what a script says about a
 * session, shown in its sidebar row and detail panel until it expires ({@code --ttl}, default 600 s).
 *
 * <pre>
 * muxbar meta status api "tests green" --tone ok
 * muxbar meta progress api 3 8          (or: muxbar meta progress api 40%)
 * muxbar meta log api "deployed v2"
 * muxbar meta notify api "review ready"
 * muxbar meta clear api
 * </pre>
 */
@Command(
        name = "meta",
        mixinStandardHelpOptions = true,
        description = "Show a script's status, progress or log lines for a session in the sidebar (or a note).")
final class MetaCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Parameters(index = "0", paramLabel = "KIND", description = "status, progress, log, notify or clear")
    String kind;

    @Parameters(index = "1", paramLabel = "SESSION", description = "The session (id or name).")
    String session;

    @Parameters(
            index = "2..*",
            arity = "0..*",
            paramLabel = "ARGS",
            description = "The text; for progress N OF, or P%%.")
    List<String> args = List.of();

    @Option(names = "--tone", paramLabel = "T", description = "info (default), ok, warn or error.")
    String tone;

    @Option(names = "--ttl", paramLabel = "SECONDS", description = "How long it shows (default 600).")
    Long ttl;

    @Override
    public Integer call() throws Exception {
        StringBuilder q = new StringBuilder("session=").append(enc(session));
        switch (kind) {
            case "status", "log", "notify" -> {
                if (args.isEmpty()) {
                    return usage();
                }
                q.append("&text=").append(enc(String.join(" ", args)));
            }
            case "progress" -> {
                if (args.size() == 1 && args.get(0).endsWith("%")) {
                    q.append("&percent=")
                            .append(enc(args.get(0).substring(0, args.get(0).length() - 1)));
                } else if (args.size() == 2) {
                    q.append("&n=").append(enc(args.get(0))).append("&of=").append(enc(args.get(1)));
                } else {
                    return usage();
                }
            }
            case "clear" -> {}
            default -> {
                return usage();
            }
        }
        if (tone != null) {
            q.append("&tone=").append(enc(tone));
        }
        if (ttl != null) {
            q.append("&ttl=").append(ttl);
        }
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println("muxbar: no daemon runs for this tmux server");
                return 2;
            }
            ApiClient.Answer a = api.post("/sessions/" + kind + "?" + q);
            if (a.status() != 200) {
                System.err.println("muxbar: " + Panes.error(a.body()));
                return a.status() == 404 ? 1 : 2;
            }
            return 0;
        }
    }

    private static int usage() {
        System.err.println(
                "muxbar: meta status|log|notify SESSION TEXT, meta progress SESSION N OF (or P%), meta clear SESSION");
        return 2;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
