package dev.muxbar.tmux;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frames the line stream of a control-mode client into command replies and notifications.
 *
 * <p>What tmux 3.3a writes (verified on this machine):
 * <pre>
 * %begin 1795395925 270 0      first block, unasked, right after attaching (flags 0)
 * %end 1795395925 270 0
 * %session-changed $1 alpha
 * %begin 1795395925 275 1      a command we sent (flags 1)
 * $0\u001falpha\u001f0           output lines, verbatim
 * %end 1795395925 275 1        or "%error 1795395925 277 1" after the error text
 * %exit
 * </pre>
 * Not thread-safe: one reader thread feeds it. {@link #accept} never throws, whatever the line.
 */
public final class ControlParser {

    /** Receives what the parser recognised. */
    public interface Sink {
        /** A complete reply block. {@code ours} is false for blocks tmux sends unasked (flags 0). */
        void reply(Reply reply);

        void notification(Notification notification);
    }

    /** One framed reply: its output lines and whether it ended in {@code %error}. */
    public record Reply(long number, boolean ours, boolean error, List<String> lines) {}

    /** A block in a reply never grows past this many lines; the rest is dropped (bounded memory). */
    static final int MAX_BLOCK_LINES = 200_000;

    private final Sink sink;
    private List<String> block;
    private long blockNumber;
    private boolean blockOurs;

    public ControlParser(Sink sink) {
        this.sink = sink;
    }

    public void accept(String line) {
        if (line == null) {
            return;
        }
        if (block != null) {
            if (isGuard(line, "%end") || isGuard(line, "%error")) {
                Reply reply = new Reply(blockNumber, blockOurs, line.startsWith("%error"), List.copyOf(block));
                block = null;
                sink.reply(reply);
            } else if (block.size() < MAX_BLOCK_LINES) {
                block.add(line);
            }
            return;
        }
        if (line.startsWith("%begin")) {
            String[] f = line.split(" ");
            block = new ArrayList<>();
            blockNumber = f.length > 2 ? parseLong(f[2]) : -1;
            blockOurs = f.length > 3 && f[3].equals("1");
            return;
        }
        if (line.startsWith("%")) {
            sink.notification(notification(line));
        }
        // Anything else outside a block is noise (there is none with no-output); ignore it.
    }

    /** A guard line closes a block only if it is "%end"/"%error" followed by a space and numbers. */
    private boolean isGuard(String line, String word) {
        if (!line.startsWith(word + " ")) {
            return false;
        }
        String[] f = line.split(" ");
        return f.length >= 3 && parseLong(f[2]) == blockNumber;
    }

    /** Parses one notification line; unknown or malformed lines become {@link Notification.Other}. */
    public static Notification notification(String line) {
        String[] parts = line.split(" ", -1);
        String name = parts[0].substring(1);
        List<String> args = Arrays.asList(parts).subList(1, parts.length);
        String rest1 = restAfter(line, 2); // everything after the 2nd space: names may hold spaces
        String rest2 = restAfter(line, 3);
        switch (name) {
            case "sessions-changed":
                return new Notification.SessionsChanged();
            case "session-changed":
                if (args.size() >= 2) return new Notification.SessionChanged(args.get(0), rest1);
                break;
            case "session-renamed":
                if (args.size() >= 2) return new Notification.SessionRenamed(args.get(0), rest1);
                break;
            case "session-window-changed":
                if (args.size() >= 2) return new Notification.SessionWindowChanged(args.get(0), args.get(1));
                break;
            case "window-add":
            case "window-close":
            case "window-renamed":
            case "unlinked-window-add":
            case "unlinked-window-close":
            case "unlinked-window-renamed":
                if (!args.isEmpty()) {
                    Notification.Change change = name.endsWith("add")
                            ? Notification.Change.ADD
                            : name.endsWith("close") ? Notification.Change.CLOSE : Notification.Change.RENAMED;
                    return new Notification.WindowChanged(change, !name.startsWith("unlinked-"), args.get(0));
                }
                break;
            case "subscription-changed":
                if (!args.isEmpty())
                    return new Notification.SubscriptionChanged(args.get(0), List.copyOf(args.subList(1, args.size())));
                break;
            case "layout-change":
                if (args.size() >= 2) return new Notification.LayoutChanged(args.get(0), args.get(1));
                break;
            case "window-pane-changed":
                if (args.size() >= 2) return new Notification.WindowPaneChanged(args.get(0), args.get(1));
                break;
            case "client-session-changed":
                if (args.size() >= 3) return new Notification.ClientSessionChanged(args.get(0), args.get(1), rest2);
                break;
            case "client-detached":
                if (!args.isEmpty()) return new Notification.ClientDetached(args.get(0));
                break;
            case "pane-mode-changed":
                if (!args.isEmpty()) return new Notification.PaneModeChanged(args.get(0));
                break;
            case "exit":
                return new Notification.Exit(args.isEmpty() ? "" : line.substring("%exit ".length()));
            default:
                break;
        }
        return new Notification.Other(name, List.copyOf(args));
    }

    private static String restAfter(String line, int spaces) {
        int at = -1;
        for (int i = 0; i < spaces; i++) {
            at = line.indexOf(' ', at + 1);
            if (at < 0) {
                return "";
            }
        }
        return line.substring(at + 1);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
