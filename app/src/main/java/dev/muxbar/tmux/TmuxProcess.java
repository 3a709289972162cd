package dev.muxbar.tmux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one tmux command as its own process. For the one-shot CLI only (status without a daemon,
 * doctor, benchmarks' baseline); the daemon talks to tmux through {@link ControlGateway}.
 */
public final class TmuxProcess {
    private TmuxProcess() {}

    /** Exit code, stdout lines and stderr text of one tmux run. */
    public record Result(int exit, List<String> lines, String stderr) {
        public boolean ok() {
            return exit == 0;
        }
    }

    public static Result run(TmuxAddress address, List<String> args) throws IOException {
        return exec(address.command(args.toArray(new String[0])));
    }

    /** Runs any argv (e.g. {@code tmux -V}) with a 5 s limit. */
    public static Result exec(List<String> argv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().remove("TMUX");
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", argv));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        List<String> lines = out.isEmpty() ? List.of() : List.of(out.split("\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        return new Result(p.exitValue(), lines, err.join().trim());
    }

    /** Whether a tmux server answers on {@code socket} ({@code display-message -p x} prints x). */
    public static boolean answers(java.nio.file.Path socket) {
        try {
            return java.nio.file.Files.exists(socket)
                    && exec(List.of("tmux", "-S", socket.toString(), "display-message", "-p", "x"))
                            .lines()
                            .contains("x");
        } catch (IOException e) {
            return false;
        }
    }

    /** A global option's value ("" when unset) on the server at {@code address}. */
    public static String globalOption(TmuxAddress address, String name) throws IOException {
        Result r = run(address, List.of("show-options", "-gqv", name));
        return r.ok() && !r.lines().isEmpty() ? r.lines().get(0).trim() : "";
    }

    /** A variable of the global environment of the server at {@code address}; empty when unset or removed. */
    public static java.util.Optional<String> globalEnvironment(TmuxAddress address, String name) throws IOException {
        Result r = run(address, List.of("show-environment", "-g", name));
        String prefix = name + "=";
        return r.ok() && !r.lines().isEmpty() && r.lines().get(0).startsWith(prefix)
                ? java.util.Optional.of(r.lines().get(0).substring(prefix.length()))
                : java.util.Optional.empty();
    }

    /** {@code tmux -V}: "tmux 3.3a", or "" when tmux does not run. */
    public static String version() {
        try {
            Result r = exec(List.of("tmux", "-V"));
            return r.ok() && !r.lines().isEmpty() ? r.lines().get(0).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
