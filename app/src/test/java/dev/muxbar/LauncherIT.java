package dev.muxbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonLocks;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TestFiles;
import dev.muxbar.testing.TmuxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/muxbar}, the launcher, on a copy of the checkout (its cache of the Java check,
 * {@code app/target/.java-ok}, is the copy's own): the daemon's periodic native-heap trim is asked
 * for only of a JVM that has it (17.0.9 and newer), and a cache written by an older launcher is
 * checked again instead of breaking the launcher.
 */
class LauncherIT {
    private static final String TRIM = "-XX:TrimNativeHeapInterval";

    private final Teardown cleanup = new Teardown();
    private final Path root =
            Path.of(System.getProperty("muxbar.root", ".")).toAbsolutePath().normalize();

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private record Run(int exit, String output) {}

    /** A copy of the launcher with the built jar, under a short temp dir (the daemon's socket path). */
    private Path checkout() throws Exception {
        Path home = Files.createTempDirectory(Path.of("/tmp"), "mxl");
        cleanup.track(() -> TestFiles.deleteTree(home));
        cleanup.track(() -> DaemonLocks.pids(home.resolve("run")).forEach(DaemonLocks::stop));
        for (String part : List.of("scripts", "tmux-plugin")) {
            Process cp = new ProcessBuilder("cp", "-a", root.resolve(part).toString(), home.toString()).start();
            assertEquals(0, cp.waitFor());
        }
        Files.createDirectories(home.resolve("app/target"));
        Files.copy(DaemonProcess.jar(), home.resolve("app/target/muxbar.jar"));
        return home;
    }

    private static Run launcher(Path home, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(
                List.of("sh", home.resolve("scripts/muxbar").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("TMUX");
        pb.environment().remove("MUXBAR_JAVA");
        pb.environment().put("MUXBAR_RUNTIME_DIR", home.resolve("run").toString());
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher finished: " + out);
        return new Run(p.exitValue(), out);
    }

    /** Starts the copy's daemon for a new tmux server; returns its command line once it answers. */
    private String daemonCommandLine(Path home, Map<String, String> env) throws Exception {
        TmuxServer tmux = cleanup.track(new TmuxServer("work"));
        Run started = launcher(home, env, "server", "-L", tmux.label);
        assertEquals(0, started.exit(), started.output());
        Path run = home.resolve("run");
        Poll.until(
                20_000,
                () -> DaemonLocks.pids(run).stream().anyMatch(DaemonLocks::running)
                        && new ApiClient(run.resolve("daemon.sock")).alive(),
                "the daemon answers /health",
                () -> TestFiles.listing(home) + TestFiles.read(run.resolve("daemon.log")));
        long pid = DaemonLocks.pids(run).get(0);
        return TestFiles.read(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
    }

    private static boolean javaCanTrim() throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), TRIM + "=0", "-version")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    @Test
    void aJavaThatCanTrimItsHeapRunsTheDaemonWithTheTrim() throws Exception {
        Assumptions.assumeTrue(javaCanTrim(), "this JVM is older than 17.0.9");
        Path home = checkout();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = daemonCommandLine(home, Map.of("MUXBAR_JAVA", java));
        assertTrue(cmd.contains(TRIM + "=10000"), cmd);
    }

    /** A JVM that refuses the flag (as 17.0.8 and older do) still runs the daemon, without it. */
    @Test
    void aJavaWithoutTheTrimRunsTheDaemonWithoutIt() throws Exception {
        Path home = checkout();
        Path old = home.resolve("old-java");
        Files.writeString(old, """
                #!/bin/sh
                for a; do
                    case $a in -XX:TrimNativeHeapInterval*)
                        echo "Unrecognized VM option '${a#-XX:}'" >&2
                        echo "Error: Could not create the Java Virtual Machine." >&2
                        exit 1 ;;
                    esac
                done
                exec "%s" "$@"
                """.formatted(Path.of(System.getProperty("java.home"), "bin", "java")));
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwx------"));
        String cmd = daemonCommandLine(home, Map.of("MUXBAR_JAVA", old.toString()));
        assertFalse(cmd.contains(TRIM), cmd);
    }

    /** An older launcher kept only the java path; an empty cache is as good as none. */
    @Test
    void aCacheOfTheJavaCheckFromAnOlderLauncherIsCheckedAgain() throws Exception {
        Path home = checkout();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String cache : List.of(java + "\n", "")) {
            Files.writeString(home.resolve("app/target/.java-ok"), cache);
            Run r = launcher(home, Map.of("MUXBAR_JAVA", java), "version");
            assertEquals(0, r.exit(), "cache [" + cache + "]: " + r.output());
            assertTrue(r.output().startsWith("muxbar "), r.output());
            List<String> now = Files.readAllLines(home.resolve("app/target/.java-ok"));
            assertEquals(2, now.size(), "checked again and kept with its answer: " + now);
        }
    }
}
