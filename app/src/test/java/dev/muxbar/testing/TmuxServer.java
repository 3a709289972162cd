package dev.muxbar.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A private tmux server for one test: {@code tmux -L muxbar-it-<pid>-<n> -f /dev/null}, started with a
 * fixed-size first session. {@link #close} kills the server and removes its socket file.
 */
public final class TmuxServer implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public final String label;
    public final Path socket;

    public TmuxServer(String firstSession) throws IOException {
        this(newLabel(), Path.of("/dev/null"), List.of("-s", firstSession));
    }

    /**
     * A server on {@code label} (again, after a kill-server: a restart) that reads {@code config} as
     * a user's ~/.tmux.conf, its first session made with {@code new-session -d -x 160 -y 40 ARGS}.
     */
    public TmuxServer(String label, Path config, List<String> newSessionArgs) throws IOException {
        this.label = label;
        String tmpdir = System.getenv().getOrDefault("TMUX_TMPDIR", "/tmp");
        socket = Path.of(tmpdir.isEmpty() ? "/tmp" : tmpdir, "tmux-" + uid(), label);
        List<String> cmd = new ArrayList<>(
                List.of("tmux", "-L", label, "-f", config.toString(), "new-session", "-d", "-x", "160", "-y", "40"));
        cmd.addAll(newSessionArgs);
        run(cmd);
    }

    /** A label no other test uses: {@code muxbar-it-<pid>-<n>}. */
    public static String newLabel() {
        return "muxbar-it-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    static long uid() {
        return dev.muxbar.config.Uid.real();
    }

    /** Runs {@code tmux -L label ARGS}; returns stdout; throws with stderr when tmux fails. */
    public String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-u", "-L", label));
        cmd.addAll(List.of(args));
        try {
            return run(cmd);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** {@code tmux display -p -t TARGET FORMAT}, without the trailing newline. */
    public String display(String target, String format) {
        String out = tmux("display-message", "-p", "-t", target, format);
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    /** What the server looks like, for failure messages. */
    public String describe() {
        try {
            return "list-sessions:\n"
                    + tmux("list-sessions", "-F", "#{session_id} #{session_name} attached=#{session_attached}")
                    + "list-clients:\n"
                    + tmux("list-clients", "-F", "#{client_name} #{client_pid} #{session_id} #{client_flags}");
        } catch (RuntimeException e) {
            return "(tmux not answering: " + e.getMessage() + ")";
        }
    }

    private static String run(List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("TMUX");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("tmux timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(cmd + " failed: " + new String(err, StandardCharsets.UTF_8).trim());
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    public boolean alive() {
        try {
            tmux("list-sessions");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            run(List.of("tmux", "-L", label, "kill-server"));
        } catch (IOException e) {
            // already gone
        }
        try {
            Files.deleteIfExists(socket); // tmux 3.3a leaves the socket file behind
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
