package dev.muxbar.hosts;

import dev.muxbar.tmux.TmuxQuote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ssh} command lines muxbar runs: the user's OpenSSH with their keys and agent, their
 * {@code ~/.ssh/config} (or {@code config}: {@code @muxbar-ssh-config}, {@code MUXBAR_SSH_CONFIG}), never a
 * prompt ({@code BatchMode=yes}), a bounded connect, and {@code --} before the host. ssh joins what
 * follows the host into one line for the remote shell: {@link #line} quotes every argument for it.
 */
public record Ssh(Path config) {

    /** How long a connection may take to come up. */
    public static final int CONNECT_TIMEOUT_S = 10;

    /** {@code ssh … -- HOST LINE}: runs {@code remoteLine} (a line for the remote shell) on the host. */
    public List<String> command(Host host, String remoteLine) {
        List<String> a = new ArrayList<>(List.of("ssh"));
        if (config != null) {
            a.addAll(List.of("-F", config.toString()));
        }
        a.addAll(List.of(
                "-o",
                "BatchMode=yes",
                "-o",
                "ConnectTimeout=" + CONNECT_TIMEOUT_S,
                "-o",
                "ServerAliveInterval=5",
                "-o",
                "ServerAliveCountMax=3",
                "--",
                host.name(),
                remoteLine));
        return a;
    }

    /**
     * A line for the remote shell: {@code program} — the user's own remote command as they configured
     * it (e.g. {@code ~/.local/bin/muxbar}), or {@code muxbar} — then each argument single-quoted.
     */
    public static String line(String program, String... args) {
        StringBuilder b = new StringBuilder(program == null || program.isBlank() ? "muxbar" : program.strip());
        for (String arg : args) {
            b.append(' ').append(TmuxQuote.sh(arg));
        }
        return b.toString();
    }
}
