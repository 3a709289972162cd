package dev.muxbar.agentservice;

import java.io.File;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The user's desktop notification for an agent out of sight ({@code @muxbar-notify-command}, e.g.
 * {@code notify-send "$1" "$2"}, {@code osascript …}, an ntfy {@code curl}). The command is the
 * user's own text and runs under {@code sh -c}; what comes from agents never enters it: the title and
 * body are its arguments {@code $1}/{@code $2}, and the details are in its environment
 * ({@code MUXBAR_AGENT}, {@code MUXBAR_STATUS}, {@code MUXBAR_SESSION}, {@code MUXBAR_PANE},
 * {@code MUXBAR_TEXT}). Runs on {@code io}, at most {@link #TIMEOUT_S} seconds, output discarded.
 */
final class NotifyCommand {

    static final long TIMEOUT_S = 10;

    /** What a notification says. */
    record Note(String agent, String status, String session, String pane, String text) {}

    private final String command;
    private final Executor io;
    private final Consumer<String> log;

    NotifyCommand(String command, Executor io, Consumer<String> log) {
        this.command = command;
        this.io = io;
        this.log = log;
    }

    void send(Note n) {
        io.execute(() -> {
            try {
                ProcessBuilder pb = new ProcessBuilder(
                        List.of("/bin/sh", "-c", command, "muxbar-notify", "muxbar: " + n.agent(), n.text()));
                pb.environment().put("MUXBAR_AGENT", n.agent());
                pb.environment().put("MUXBAR_STATUS", n.status());
                pb.environment().put("MUXBAR_SESSION", n.session());
                pb.environment().put("MUXBAR_PANE", n.pane());
                pb.environment().put("MUXBAR_TEXT", n.text());
                pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")));
                Process p = pb.start();
                p.getOutputStream().close();
                if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    log.accept("notify command ran over " + TIMEOUT_S + " s and was stopped");
                } else if (p.exitValue() != 0) {
                    log.accept("notify command exited " + p.exitValue());
                }
            } catch (java.io.IOException e) {
                log.accept("notify command failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
