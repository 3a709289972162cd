package dev.muxbar.testing;

import dev.muxbar.tmux.TmuxQuote;
import java.nio.file.Path;
import java.util.Map;

/**
 * The "remote" of the tests of several machines: a tmux server with a muxbar daemon of its own (its
 * runtime dir under {@code dir}), reached through {@link Sshd}, and the remote command a user would
 * set for it ({@code @muxbar-remote-command}): this jar, told that runtime dir.
 */
public final class FarSide implements AutoCloseable {

    public final TmuxServer tmux;
    public final DaemonProcess daemon;
    /** What the remote shell runs as muxbar there. */
    public final String command;

    private FarSide(TmuxServer tmux, DaemonProcess daemon, String command) {
        this.tmux = tmux;
        this.daemon = daemon;
        this.command = command;
    }

    /** A far tmux server (after {@code setup} made its sessions) and its daemon, ready. */
    public static FarSide start(Path dir, java.util.function.Consumer<TmuxServer> setup) throws Exception {
        TmuxServer tmux = new TmuxServer("far");
        try {
            setup.accept(tmux);
            DaemonProcess daemon = DaemonProcess.start(
                            tmux, dir.resolve("far-run"), dir.resolve("far-state"), Map.of("HOME", dir.toString()))
                    .awaitReady();
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String jar = Path.of(System.getProperty("muxbar.root"), "app/target/muxbar.jar")
                    .toString();
            // The user's own remote command: their text, run by the remote shell as it stands.
            String command =
                    "MUXBAR_RUNTIME_DIR=" + TmuxQuote.sh(dir.resolve("far-run").toString()) + " " + TmuxQuote.sh(java)
                            + " -jar " + TmuxQuote.sh(jar);
            return new FarSide(tmux, daemon, command);
        } catch (Exception | Error e) {
            tmux.close();
            throw e;
        }
    }

    @Override
    public void close() {
        daemon.close();
        tmux.close();
    }
}
