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
     * The host's master connection: no command ({@code -N}), its control socket at {@code control},
     * forwarded sockets replaced when a stale one is in the way, and gone to the background once it is
     * up ({@code -f}): the process muxbar started ends then (0, or ssh's error), so no thread of the
     * daemon waits on a process per host; the control socket says whether the master lives, and
     * {@link #exit} ends it.
     */
    public List<String> master(Host host, Path control) {
        List<String> a = options();
        a.addAll(List.of(
                "-o",
                "ServerAliveInterval=5",
                "-o",
                "ServerAliveCountMax=3",
                "-o",
                "ControlMaster=yes",
                "-o",
                "ControlPath=" + control,
                "-o",
                "ControlPersist=no",
                "-o",
                "StreamLocalBindUnlink=yes",
                "-f",
                "-N",
                "--",
                host.name()));
        return a;
    }

    /** Ends the master at {@code control} (and with it every forward). */
    public List<String> exit(Path control, Host host) {
        List<String> a = options();
        a.addAll(List.of("-o", "ControlPath=" + control, "-O", "exit", "--", host.name()));
        return a;
    }

    /** {@code remoteLine} run over the master at {@code control}. */
    public List<String> through(Path control, Host host, String remoteLine) {
        List<String> a = options();
        a.addAll(List.of("-o", "ControlMaster=no", "-o", "ControlPath=" + control, "--", host.name(), remoteLine));
        return a;
    }

    /** {@code remoteLine} run over the master at {@code control} on a terminal ({@code -t}): for a person to use. */
    public List<String> interactive(Path control, Host host, String remoteLine) {
        List<String> a = options();
        a.addAll(
                List.of("-t", "-o", "ControlMaster=no", "-o", "ControlPath=" + control, "--", host.name(), remoteLine));
        return a;
    }

    /** Asks the master at {@code control} to forward the Unix socket {@code remote} there to {@code local} here. */
    public List<String> forward(Path control, Host host, Path local, String remote) {
        if (!SOCKET.matcher(remote).matches()
                || !SOCKET.matcher(local.toString()).matches()) {
            throw new IllegalArgumentException("not a socket path ssh forwards as such: " + Host.printable(remote));
        }
        List<String> a = options();
        a.addAll(List.of(
                "-o", "ControlPath=" + control, "-O", "forward", "-L", local + ":" + remote, "--", host.name()));
        return a;
    }

    /** A socket path with nothing ssh's -L could read as a host or port (no ':'), nor spaces. */
    private static final java.util.regex.Pattern SOCKET = java.util.regex.Pattern.compile("/[A-Za-z0-9._/+-]{1,200}");

    private List<String> options() {
        List<String> a = new ArrayList<>(List.of("ssh"));
        if (config != null) {
            a.addAll(List.of("-F", config.toString()));
        }
        a.addAll(List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=" + CONNECT_TIMEOUT_S));
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
