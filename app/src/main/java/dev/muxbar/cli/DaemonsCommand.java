package dev.muxbar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.muxbar.api.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code muxbar daemons [--json]}: every muxbar daemon of this user on this machine — one per tmux
 * server — with the tmux server it serves, its pid and version (from its {@code /health}). Found in
 * the runtime dirs: {@code $MUXBAR_RUNTIME_DIR}, and each {@code <key>/} under
 * {@code ${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}/muxbar-<uid>/}. What another machine's muxbar asks over ssh
 * ({@code muxbar hosts check}).
 */
@Command(
        name = "daemons",
        mixinStandardHelpOptions = true,
        description = "List this user's muxbar daemons on this machine (one per tmux server).")
final class DaemonsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        ArrayNode out = CliJson.MAPPER.createArrayNode();
        for (Path socket : sockets(System.getenv(), Target.uid())) {
            try (ApiClient api = new ApiClient(socket)) {
                if (!api.alive()) {
                    continue; // a runtime dir left behind
                }
                JsonNode h = CliJson.MAPPER.readTree(api.get("/health").body());
                out.addObject()
                        .put("tmux", h.path("tmux").asText(""))
                        .put("pid", h.path("pid").asLong())
                        .put("version", h.path("version").asText(""))
                        .put("socket", socket.toString());
            } catch (IOException e) {
                // not answering: not a daemon now
            }
        }
        if (json) {
            System.out.println(out);
        } else if (out.isEmpty()) {
            System.out.println("no muxbar daemon runs for this user");
        } else {
            out.forEach(d -> System.out.println(d.path("tmux").asText() + "  pid "
                    + d.path("pid").asLong() + "  " + d.path("version").asText() + "  "
                    + d.path("socket").asText()));
        }
        return 0;
    }

    /** The daemon sockets there may be, each once. */
    static List<Path> sockets(Map<String, String> env, long uid) {
        TreeSet<Path> out = new TreeSet<>();
        String override = env.getOrDefault("MUXBAR_RUNTIME_DIR", "");
        if (!override.isEmpty()) {
            out.add(Path.of(override, "daemon.sock"));
        }
        String base = env.getOrDefault("XDG_RUNTIME_DIR", "");
        base = base.isEmpty() ? env.getOrDefault("TMPDIR", "") : base;
        Path dir = Path.of(base.isEmpty() ? "/tmp" : base, "muxbar-" + uid);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> keys = Files.list(dir)) {
                keys.map(k -> k.resolve("daemon.sock"))
                        .filter(Files::exists)
                        .limit(256)
                        .forEach(out::add);
            } catch (IOException e) {
                // unreadable: none there
            }
        }
        return new ArrayList<>(out);
    }
}
