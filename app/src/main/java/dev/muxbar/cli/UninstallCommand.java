package dev.muxbar.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code muxbar uninstall}: runs tmux-plugin/uninstall against the chosen tmux server. */
@Command(
        name = "uninstall",
        mixinStandardHelpOptions = true,
        description = "Remove muxbar from a tmux server: daemon, sidebars, its keys, hook and options.")
final class UninstallCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Override
    public Integer call() throws Exception {
        Path script = dev.muxbar.daemon.Checkout.sidebarScript()
                .getParent()
                .resolveSibling("tmux-plugin")
                .resolve("uninstall");
        ProcessBuilder pb = new ProcessBuilder(script.toString()).inheritIO();
        pb.environment().put("TMUX", target.address().socket() + ",0,0"); // which server the script's tmux talks to
        return pb.start().waitFor();
    }
}
