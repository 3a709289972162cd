package dev.muxbar.sidebar;

import dev.muxbar.act.OtherMachines;
import dev.muxbar.sidebar.view.Command;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Another machine's session shown here: a local window running {@code ssh -t HOST tmux attach -t
 * =NAME} over the machine's one master connection, in a local session of its own per machine
 * ({@code "devbox (ssh)"}, tagged {@code @muxbar-host}), the window tagged {@code @muxbar-remote} so the
 * next Enter on that session goes back to it instead of opening another. The window ends with its
 * ssh (a detach there, or the machine gone). The tags hold digests: names from another machine never
 * reach a tmux format or option unquoted. On the loop.
 */
final class RemoteWindows {

    private final TmuxGateway tmux;
    private final Executor loop;
    private final OtherMachines machines;
    private final Consumer<String> notice;

    RemoteWindows(TmuxGateway tmux, Executor loop, OtherMachines machines, Consumer<String> notice) {
        this.tmux = tmux;
        this.loop = loop;
        this.machines = machines;
        this.notice = notice;
    }

    /** Opens (or goes back to) the window of {@code c}'s session; {@code show} switches a client to a window id. */
    void open(Command.OpenRemote c, Consumer<String> show) {
        Optional<List<String>> argv = machines.attach(c.host(), c.server(), c.session(), c.pane());
        if (argv.isEmpty()) {
            notice.accept(c.host() + " is not connected: its sessions open once it is");
            return;
        }
        String hostTag = tag(c.host());
        String windowTag = tag(c.host() + "\n" + c.server() + "\n" + c.session());
        tmux.send(Commands.taggedWindows())
                .whenComplete((windows, err) -> loop.execute(() -> {
                    if (err != null) {
                        notice.accept("cannot open " + c.session() + "@" + c.host() + ": " + err.getMessage());
                        return;
                    }
                    String hostSession = null;
                    for (String[] w : windows) {
                        if (w[3].equals(windowTag)) {
                            show.accept(w[1]); // it is open: go back to it
                            return;
                        }
                        if (w[2].equals(hostTag)) {
                            hostSession = w[0];
                        }
                    }
                    if (hostSession != null) {
                        tmux.send(Commands.newWindowRunning(hostSession, c.session(), argv.get()))
                                .whenComplete((id, e) -> loop.execute(() -> opened(c, id, e, windowTag, show)));
                    } else {
                        tmux.send(Commands.newSessionRunning(c.host() + " (ssh)", c.session(), argv.get()))
                                .whenComplete((ids, e) -> loop.execute(() -> {
                                    String[] both = e == null ? ids.split(" ") : new String[0];
                                    if (both.length == 2) {
                                        tmux.send(Commands.sessionOption(both[0], "@muxbar-host", hostTag));
                                    }
                                    opened(c, both.length == 2 ? both[1] : "", e, windowTag, show);
                                }));
                    }
                }));
    }

    private void opened(Command.OpenRemote c, String windowId, Throwable err, String tag, Consumer<String> show) {
        if (err != null || windowId == null || windowId.isEmpty()) {
            notice.accept("cannot open " + c.session() + "@" + c.host() + ": "
                    + (err == null ? "tmux made no window" : err.getMessage()));
            return;
        }
        tmux.send(Commands.windowOption(windowId, "@muxbar-remote", tag));
        show.accept(windowId);
    }

    /** A digest of {@code text} to tag a window or session with: 16 hex digits. */
    static String tag(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java has SHA-256", e);
        }
    }
}
