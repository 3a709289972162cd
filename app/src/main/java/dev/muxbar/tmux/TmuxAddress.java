package dev.muxbar.tmux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which tmux server to talk to: a socket path, resolved the way tmux itself resolves
 * {@code -L NAME}, {@code -S PATH} and {@code $TMUX}, so the runtime dir key matches what the
 * plugin's shell scripts compute.
 */
public record TmuxAddress(Path socket) {

    /**
     * Resolves the server from CLI options and the environment.
     *
     * @param socketPath {@code -S} / {@code --socket}, or null
     * @param label {@code -L NAME}, or null
     */
    public static TmuxAddress resolve(String socketPath, String label, Map<String, String> env, long uid) {
        if (socketPath != null && !socketPath.isEmpty()) {
            return new TmuxAddress(Path.of(socketPath).toAbsolutePath().normalize());
        }
        if (label == null || label.isEmpty()) {
            // $TMUX is "<socket>,<server pid>,<session index>" inside a tmux client or pane.
            String tmux = env.get("TMUX");
            if (tmux != null && !tmux.isEmpty()) {
                int comma = tmux.indexOf(',');
                return new TmuxAddress(Path.of(comma < 0 ? tmux : tmux.substring(0, comma)));
            }
            label = "default";
        }
        String tmpdir = env.getOrDefault("TMUX_TMPDIR", "");
        if (tmpdir.isEmpty()) {
            tmpdir = "/tmp";
        }
        return new TmuxAddress(Path.of(tmpdir, "tmux-" + uid, label));
    }

    /** The tmux command prefix for this server: {@code tmux -u -S <socket>} (UTF-8 forced). */
    public List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-u", "-S", socket.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
