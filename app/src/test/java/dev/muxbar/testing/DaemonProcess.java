package dev.muxbar.testing;

import dev.muxbar.api.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code muxbar server --foreground} child JVM for one tmux server, with its runtime and state
 * dirs under a test's temp dir. {@link #close} ends it by pid (SIGTERM, then SIGKILL).
 */
public final class DaemonProcess implements AutoCloseable {

    public final Path runtimeDir;
    public final Path stateHome;
    private final Process process;
    private final Path output;

    private DaemonProcess(Process process, Path runtimeDir, Path stateHome, Path output) {
        this.process = process;
        this.runtimeDir = runtimeDir;
        this.stateHome = stateHome;
        this.output = output;
    }

    public static Path jar() {
        String jar = System.getProperty("muxbar.jar");
        if (jar == null) {
            throw new IllegalStateException("system property muxbar.jar is not set (run the ITs with mvn verify)");
        }
        return Path.of(jar);
    }

    /** Starts the daemon without waiting for it. */
    public static DaemonProcess start(TmuxServer tmux, Path runtimeDir, Path stateHome) throws IOException {
        return start(tmux, runtimeDir, stateHome, java.util.Map.of());
    }

    /** The same with more environment variables (e.g. where the agents keep their files). */
    public static DaemonProcess start(
            TmuxServer tmux, Path runtimeDir, Path stateHome, java.util.Map<String, String> more) throws IOException {
        Files.createDirectories(runtimeDir.getParent());
        Path out = Files.createTempFile(runtimeDir.getParent(), "daemon-out", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command("server", "-L", tmux.label, "--foreground"));
        env(pb, runtimeDir, stateHome);
        pb.environment().putAll(more);
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        return new DaemonProcess(pb.start(), runtimeDir, stateHome, out);
    }

    /** The java command line of a CLI run (for a test that starts one and waits on it). */
    public static List<String> commandLine(String... args) {
        return command(args);
    }

    /** The environment a test's CLI runs with. */
    public static void environment(ProcessBuilder pb, Path runtimeDir, Path stateHome) {
        env(pb, runtimeDir, stateHome);
    }

    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static void env(ProcessBuilder pb, Path runtimeDir, Path stateHome) {
        pb.environment().remove("TMUX");
        pb.environment().put("MUXBAR_RUNTIME_DIR", runtimeDir.toString());
        pb.environment().put("XDG_STATE_HOME", stateHome.toString());
        pb.environment()
                .put("XDG_CONFIG_HOME", configHome(stateHome).toString()); // never the user's own themes or rules
    }

    /** The config home the daemon and CLI of a test use: {@code <stateHome>/../config} (themes in {@code muxbar/themes}). */
    public static Path configHome(Path stateHome) {
        return stateHome.resolveSibling("config");
    }

    /** Runs a one-shot CLI command against the same dirs; returns exit code and output. */
    public static Cli cli(Path runtimeDir, Path stateHome, String... args) throws IOException, InterruptedException {
        return cli(runtimeDir, stateHome, java.util.Map.of(), args);
    }

    /** The same with more environment variables (e.g. HOME). */
    public static Cli cli(Path runtimeDir, Path stateHome, java.util.Map<String, String> more, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(args)).redirectErrorStream(true);
        env(pb, runtimeDir, stateHome);
        pb.environment().putAll(more);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Cli(p.exitValue(), out);
    }

    /** Exit code and combined output of a CLI run. */
    public record Cli(int exit, String output) {}

    /** Waits until the API answers /health. */
    public DaemonProcess awaitReady() {
        try (ApiClient api = new ApiClient(socket())) {
            Poll.until(15_000, () -> !process.isAlive() || api.alive(), "daemon API to answer", this::diagnostics);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("daemon exited early\n" + diagnostics());
        }
        return this;
    }

    public Path socket() {
        return runtimeDir.resolve("daemon.sock");
    }

    public Path orderFile() {
        return runtimeDir.resolve("order");
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** The order file, or "" when missing. */
    public String order() {
        try {
            return Files.exists(orderFile()) ? Files.readString(orderFile()) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public String diagnostics() {
        StringBuilder sb = new StringBuilder("--- order file:\n").append(order());
        try {
            Path log = runtimeDir.resolve("daemon.log");
            sb.append("--- daemon.log:\n").append(Files.exists(log) ? Files.readString(log) : "(none)\n");
            sb.append("--- daemon output:\n").append(Files.readString(output));
        } catch (IOException e) {
            sb.append("(").append(e).append(")");
        }
        return sb.toString();
    }

    /** SIGTERM and wait; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
