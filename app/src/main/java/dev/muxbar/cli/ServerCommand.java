package dev.muxbar.cli;

import dev.muxbar.api.ApiClient;
import dev.muxbar.config.Paths;
import dev.muxbar.daemon.Daemon;
import dev.muxbar.tmux.TmuxAddress;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code muxbar server}: runs the daemon for one tmux server. Without {@code --foreground} it starts
 * the daemon as a child JVM (same flags), waits until its API answers, and returns.
 */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = "Run the daemon for one tmux server (default: the one in $TMUX).")
final class ServerCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(names = "--foreground", description = "Run in this process instead of starting a background daemon.")
    boolean foreground;

    @Override
    public Integer call() throws Exception {
        if (foreground) {
            return runDaemon(target);
        }
        TmuxAddress address = target.address();
        Paths paths = target.paths();
        java.util.Optional<String> serving = dev.muxbar.daemon.ServerClaim.holder(address);
        if (serving.isPresent()) {
            System.out.println("muxbar: a daemon already serves " + address.socket() + " " + serving.get());
            return 0;
        }
        paths.createRuntimeDir();
        if (lockedByOther(paths)) {
            System.out.println("muxbar: a daemon already serves " + address.socket() + " (pid "
                    + Files.readString(paths.lock()).trim().split(" ")[0] + ")");
            return 0;
        }
        Process child = new ProcessBuilder(childCommand())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        try (ApiClient api = new ApiClient(paths.socket())) {
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                if (!child.isAlive()) {
                    // exit 0 = another daemon won the race; otherwise the log says why
                    if (child.exitValue() == 0) {
                        System.out.println("muxbar: a daemon already serves " + address.socket()
                                + dev.muxbar.daemon.ServerClaim.holder(address)
                                        .map(h -> " " + h)
                                        .orElse(""));
                        return 0;
                    }
                    System.err.println("muxbar: the daemon exited with code " + child.exitValue() + ": "
                            + whyNotStarted(paths, address) + " (log: " + paths.log() + ")");
                    return 1;
                }
                if (api.alive()) {
                    System.out.println("muxbar: daemon started (pid " + child.pid() + ") for " + address.socket());
                    return 0;
                }
                Thread.sleep(20);
            }
        }
        System.err.println("muxbar: the daemon did not answer within 10 s (log: " + paths.log() + ")");
        return 1;
    }

    /** What the daemon logged when it gave up ("cannot start: …"), else what most often stops it. */
    static String whyNotStarted(Paths paths, TmuxAddress address) {
        try (var lines = Files.lines(paths.log())) {
            String last = lines.filter(l -> l.contains(" cannot start: "))
                    .reduce((a, b) -> b)
                    .orElse(null);
            if (last != null) {
                return last.substring(last.indexOf(" cannot start: ") + " cannot start: ".length());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // no log: it ended before it could write one
        }
        return "is a tmux server running at " + address.socket() + "?";
    }

    /** Runs the daemon in this JVM until its tmux server goes; the exit code. */
    static int runDaemon(Target target) throws Exception {
        return new Daemon(target.address(), target.paths(), Main.version()).run(System.out);
    }

    private static boolean lockedByOther(Paths paths) throws IOException {
        try (FileChannel ch = FileChannel.open(
                paths.lock(),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        }
    }

    /** This JVM's command line with {@code server … --foreground}. */
    private List<String> childCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-XX:ArchiveClassesAtExit")
                    && !a.startsWith("-XX:SharedArchiveFile")) { // CDS is per kind of run
                cmd.add(a);
            }
        }
        // The launcher names the daemon's own class archive (scripts/muxbar: made at a clean exit, used after).
        String cds = System.getenv("MUXBAR_DAEMON_CDS");
        if (cds != null && (cds.startsWith("-XX:SharedArchiveFile=") || cds.startsWith("-XX:ArchiveClassesAtExit="))) {
            cmd.add(cds);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("server");
        cmd.add("--foreground");
        cmd.add("-S");
        cmd.add(target.address().socket().toString());
        return cmd;
    }
}
