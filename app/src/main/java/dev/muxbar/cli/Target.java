package dev.muxbar.cli;

import dev.muxbar.config.Paths;
import dev.muxbar.tmux.TmuxAddress;
import dev.muxbar.tmux.TmuxProcess;
import picocli.CommandLine.Option;

/** The tmux server a command is about: {@code -S PATH}, {@code -L NAME}, or the one in {@code $TMUX}. */
public final class Target {

    @Option(
            names = {"-S", "--socket"},
            paramLabel = "PATH",
            description = "tmux server socket path")
    String socket;

    @Option(names = "-L", paramLabel = "NAME", description = "tmux server socket name (as tmux -L)")
    String label;

    public TmuxAddress address() {
        return TmuxAddress.resolve(socket, label, System.getenv(), uid());
    }

    /**
     * The runtime and state dirs. The runtime dir is {@code $MUXBAR_RUNTIME_DIR} when set; else the one
     * the tmux server names in its global environment (the plugin and the daemon serving it export it
     * there), so a command run from a shell with another {@code TMPDIR} finds the same daemon; else
     * the one this environment gives.
     */
    public Paths paths() {
        TmuxAddress a = address();
        java.util.Map<String, String> env = System.getenv();
        if (env.getOrDefault("MUXBAR_RUNTIME_DIR", "").isEmpty()) {
            java.util.Optional<String> announced = announcedRuntimeDir(a);
            if (announced.isPresent()) {
                env = new java.util.HashMap<>(env);
                env.put("MUXBAR_RUNTIME_DIR", announced.get());
            }
        }
        return Paths.of(env, uid(), a.socket());
    }

    /** {@code MUXBAR_RUNTIME_DIR} in the tmux server's global environment, if it has an absolute one. */
    static java.util.Optional<String> announcedRuntimeDir(TmuxAddress a) {
        try {
            return TmuxProcess.globalEnvironment(a, "MUXBAR_RUNTIME_DIR").filter(d -> d.startsWith("/"));
        } catch (java.io.IOException e) {
            return java.util.Optional.empty(); // no server: this environment's dir
        }
    }

    static long uid() {
        return dev.muxbar.config.Uid.real();
    }
}
