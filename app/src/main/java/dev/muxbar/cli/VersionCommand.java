package dev.muxbar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muxbar.api.ApiClient;
import dev.muxbar.config.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code muxbar version}: this jar's version, and the running daemon's when it is not this jar
 * (another version, or started before this jar was made: it is replaced when the plugin loads).
 */
@Command(
        name = "version",
        mixinStandardHelpOptions = true,
        description = "Print muxbar's version (and the running daemon's, when it differs).")
final class VersionCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Override
    public Integer call() {
        System.out.println("muxbar " + Main.version());
        String daemon = running();
        if (daemon != null) {
            System.out.println(daemon);
        }
        return 0;
    }

    /** A line about the running daemon when it is not this jar's, else null (none runs, or it is). */
    private String running() {
        try {
            Paths paths = target.paths();
            try (ApiClient api = new ApiClient(paths.socket())) {
                if (!api.alive()) {
                    return null;
                }
                JsonNode h = CliJson.MAPPER.readTree(api.get("/health").body());
                String version = h.path("version").asText("?");
                Path jar = Path.of(VersionCommand.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                boolean older = Files.exists(paths.lock())
                        && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(paths.lock())) > 0;
                if (!version.equals(Main.version()) || older) {
                    return "the running daemon (pid " + h.path("pid").asText() + ") is muxbar " + version
                            + (older ? ", started before this jar was made" : "")
                            + ": re-source ~/.tmux.conf (the plugin replaces it) to run this one";
                }
                return null;
            }
        } catch (Exception e) {
            return null; // no tmux, no daemon: this jar's version is the answer
        }
    }
}
