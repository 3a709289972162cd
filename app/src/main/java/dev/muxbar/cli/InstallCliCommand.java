package dev.muxbar.cli;

import dev.muxbar.config.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code muxbar install-cli [DIR]}: links the launcher as {@code DIR/muxbar} ({@code ~/.local/bin}
 * by default) so {@code muxbar} works in any shell. A file already there that is not this link is
 * left alone (exit 1); the link already there is fine (exit 0).
 */
@Command(
        name = "install-cli",
        mixinStandardHelpOptions = true,
        description = "Put `muxbar` on your PATH: a link DIR/muxbar to this checkout's launcher (DIR: ~/.local/bin).")
final class InstallCliCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "where the link goes (default ~/.local/bin)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path launcher = dev.muxbar.daemon.Checkout.sidebarScript().resolveSibling("muxbar");
        return install(
                dir != null ? dir : Paths.home(System.getenv()).resolve(".local/bin"), launcher, System.getenv());
    }

    static int install(Path dir, Path launcher, Map<String, String> env) throws IOException {
        Path link = dir.resolve("muxbar");
        if (Files.isSymbolicLink(link)) {
            Path to = Files.readSymbolicLink(link);
            if (link.getParent().resolve(to).normalize().equals(launcher.normalize())) {
                System.out.println("muxbar: " + link + " already links to " + launcher);
                return hint(dir, env);
            }
        }
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            System.err.println("muxbar: " + link + " exists and is not a link to " + launcher + "; left as it is"
                    + " (remove it, or pass another DIR)");
            return 1;
        }
        Files.createDirectories(dir);
        Files.createSymbolicLink(link, launcher);
        System.out.println("muxbar: " + link + " → " + launcher);
        return hint(dir, env);
    }

    /** Says how to put DIR on PATH when it is not. */
    private static int hint(Path dir, Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        boolean on = Arrays.stream(path.split(":"))
                .anyMatch(p -> !p.isEmpty() && Path.of(p).normalize().equals(dir.normalize()));
        if (!on) {
            System.out.println("muxbar: " + dir + " is not on your PATH; add to your shell's rc file:  export PATH=\""
                    + dir + ":$PATH\"");
        }
        return 0;
    }
}
