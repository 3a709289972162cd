package dev.muxbar.cli;

import dev.muxbar.config.Paths;
import dev.muxbar.tmux.TmuxAddress;
import picocli.CommandLine.Option;

/** The tmux server a command is about: {@code -S PATH}, {@code -L NAME}, or the one in {@code $TMUX}. */
public final class Target {

    @Option(names = {"-S", "--socket"}, paramLabel = "PATH", description = "tmux server socket path")
    String socket;

    @Option(names = "-L", paramLabel = "NAME", description = "tmux server socket name (as tmux -L)")
    String label;

    public TmuxAddress address() {
        return TmuxAddress.resolve(socket, label, System.getenv(), uid());
    }

    public Paths paths() {
        return Paths.of(System.getenv(), uid(), address().socket());
    }

    static long uid() {
        return dev.muxbar.config.Uid.real();
    }
}
