package dev.muxbar.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real tmux client attached to a test server, driven through an outer tmux
 * ({@code tmux -L <label>-outer-N new -d "tmux -L <label> attach -t SESSION"}) so key bindings and
 * keys reach it as a person's would. {@link #close} kills the outer server and its socket file.
 */
public final class NestedClient implements AutoCloseable {

    private static int counter;

    private final TmuxServer inner;
    private final String outer;

    public NestedClient(TmuxServer inner, String session) throws IOException, InterruptedException {
        this.inner = inner;
        synchronized (NestedClient.class) {
            this.outer = inner.label + "-outer-" + (++counter);
        }
        run(List.of(
                "tmux",
                "-L",
                outer,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "o",
                "-x",
                "160",
                "-y",
                "40",
                "env -u TMUX tmux -L " + inner.label + " attach -t '" + session + "'"));
    }

    /** The inner client's name ({@code #{client_name}}, its tty), found via the outer pane's tty. */
    public String clientName() {
        String tty =
                outerTmux("display-message", "-p", "-t", "o", "#{pane_tty}").trim();
        return tty;
    }

    /** Presses keys in the inner client (tmux key names, e.g. "j", "Enter", "M-2"). */
    public void press(String... keys) {
        String[] args = new String[keys.length + 3];
        args[0] = "send-keys";
        args[1] = "-t";
        args[2] = "o";
        System.arraycopy(keys, 0, args, 3, keys.length);
        outerTmux(args);
    }

    /** Types {@code text} literally into the inner client ({@code send-keys -l}). */
    public void type(String text) {
        outerTmux("send-keys", "-t", "o", "-l", text);
    }

    /** What the person sees. */
    public String screen() {
        return outerTmux("capture-pane", "-p", "-t", "o");
    }

    /** Appends everything the inner client writes to its terminal (the outer pane) to {@code file}. */
    public void recordOutput(java.nio.file.Path file) {
        outerTmux("pipe-pane", "-o", "-t", "o", "cat >> '" + file + "'");
    }

    /** What the person sees, with its colours ({@code capture-pane -e}). */
    public String styledScreen() {
        return outerTmux("capture-pane", "-e", "-p", "-t", "o");
    }

    private String outerTmux(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("tmux", "-u", "-L", outer));
        cmd.addAll(List.of(args));
        try {
            return run(cmd);
        } catch (IOException | InterruptedException e) {
            return "(outer tmux failed: " + e.getMessage() + ")";
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("TMUX");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() {
        try {
            run(List.of("tmux", "-L", outer, "kill-server"));
            Files.deleteIfExists(inner.socket.resolveSibling(outer));
        } catch (IOException | InterruptedException e) {
            // nothing more to do
        }
    }
}
