package dev.muxbar.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server for the tests, on 127.0.0.1 and a port it chose, with a host key and a user
 * key generated in a temp dir, and a client config ({@link #config}) that names it {@link #HOST} —
 * the tests never read the user's {@code ~/.ssh}. Needs {@code /usr/sbin/sshd} (Debian's
 * {@code openssh-server}; {@code .ci/run} installs it). {@link #close} ends it by its PID.
 */
public final class Sshd implements AutoCloseable {

    /** The name the client config gives this server. */
    public static final String HOST = "muxbar-remote";

    public static final Path SSHD = Path.of("/usr/sbin/sshd");

    public final Path dir;
    public final Path config;
    public final int port;
    private final Process process;
    private final Path log;

    private Sshd(Path dir, Path config, int port, Process process, Path log) {
        this.dir = dir;
        this.config = config;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static boolean available() {
        return Files.isExecutable(SSHD);
    }

    /** Starts sshd and waits until it accepts a non-interactive login (at most 10 s). */
    public static Sshd start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        keygen(dir.resolve("host_key"));
        keygen(dir.resolve("user_key"));
        Files.copy(dir.resolve("user_key.pub"), dir.resolve("authorized_keys"));
        // sshd insists on its privilege separation directory (the Debian service makes it at start).
        Files.createDirectories(Path.of("/run/sshd"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path server = dir.resolve("sshd_config");
        Files.writeString(
                server,
                String.join(
                        "\n",
                        "Port " + port,
                        "ListenAddress 127.0.0.1",
                        "HostKey " + dir.resolve("host_key"),
                        "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                        "PasswordAuthentication no",
                        "KbdInteractiveAuthentication no",
                        "UsePAM no",
                        "PermitRootLogin prohibit-password",
                        "StrictModes no",
                        "PidFile " + dir.resolve("sshd.pid"),
                        "LogLevel VERBOSE",
                        // Debian's bash runs ~/.bashrc for a command sshd starts (SSH_SOURCE_BASHRC)
                        // when it is the first shell level; a machine's rc (a pyenv init waiting on a
                        // stale lock) must not stall the far side. A shell level passed in skips it.
                        "AcceptEnv SHLVL",
                        ""));
        Path client = dir.resolve("ssh_config");
        Files.writeString(
                client,
                String.join(
                        "\n",
                        "Host " + HOST,
                        "    HostName 127.0.0.1",
                        "    Port " + port,
                        "    User " + System.getProperty("user.name"),
                        "    IdentityFile " + dir.resolve("user_key"),
                        "    IdentitiesOnly yes",
                        "    StrictHostKeyChecking no",
                        "    UserKnownHostsFile /dev/null",
                        "    BatchMode yes",
                        "    LogLevel ERROR",
                        "    SetEnv SHLVL=1",
                        ""));
        Path log = dir.resolve("sshd.log");
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", server.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Sshd sshd = new Sshd(dir, client, port, p, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("sshd ended: " + sshd.log());
            }
            List<String> probe = sshd.ssh("true");
            Process check = new ProcessBuilder(probe).redirectErrorStream(true).start();
            last = new String(check.getInputStream().readAllBytes());
            if (check.waitFor(5, TimeUnit.SECONDS) && check.exitValue() == 0) {
                return sshd;
            }
            Thread.sleep(100);
        }
        sshd.close();
        throw new IOException("sshd never let a login in: " + last + "\n" + sshd.log());
    }

    /** {@code ssh -F CONFIG [-t] HOST COMMAND…}: the argument vector of a login to this server. */
    public List<String> ssh(String... command) {
        List<String> out = new ArrayList<>(List.of("ssh", "-F", config.toString(), HOST));
        out.addAll(List.of(command));
        return out;
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static void keygen(Path key) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(k.getInputStream().readAllBytes());
        if (!k.waitFor(10, TimeUnit.SECONDS) || k.exitValue() != 0) {
            throw new IOException("ssh-keygen: " + out);
        }
    }

    /** Ends every session sshd serves now (a network that dropped them); sshd itself listens on. */
    public void dropSessions() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** Ends sshd (by its PID) and with it every session it serves. */
    @Override
    public void close() {
        dropSessions();
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A local daemon that reaches hosts through this sshd: started on {@code local} with its runtime and
     * state dirs under {@code dir}, this server's client config and {@code remoteCommand} as the muxbar
     * over there; ready.
     */
    public DaemonProcess daemonFor(TmuxServer local, java.nio.file.Path dir, String remoteCommand)
            throws java.io.IOException {
        return DaemonProcess.start(
                        local,
                        dir.resolve("run"),
                        dir.resolve("state"),
                        java.util.Map.of(
                                "HOME", dir.resolve("home").toString(),
                                "MUXBAR_SSH_CONFIG", config.toString(),
                                "MUXBAR_REMOTE_COMMAND", remoteCommand))
                .awaitReady();
    }
}
