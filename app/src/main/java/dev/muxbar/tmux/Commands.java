package dev.muxbar.tmux;

import java.util.List;
import java.util.Optional;

/**
 * Every tmux command the daemon sends, built in one place: arguments quoted ({@link TmuxQuote}),
 * replies parsed into values. Callers pass ids, names and values; they never write command text
 * or read tmux's output. The example reply above a parser is what tmux 3.3a prints.
 */
public final class Commands {
    private Commands() {}

    // --- clients and sessions ---

    /** Moves one client (by name or tty) to a session (by id). */
    public static TmuxCommand<Void> switchClient(String client, String sessionId) {
        return TmuxCommand.effect(switchLine(client, sessionId));
    }

    /**
     * Moves a user's client to a session, the daemon's control client out of it first when it sits
     * there ({@link dev.muxbar.model.Seat}): two commands, to be sent in this order (each line is its
     * own command group in tmux, so a failed move does not stop the switch).
     */
    public static List<TmuxCommand<Void>> switchUser(
            java.util.Optional<dev.muxbar.model.Seat> seat, String client, String sessionId) {
        java.util.Optional<String> away = seat.flatMap(s -> s.leaveBefore(sessionId));
        return away.isEmpty()
                ? List.of(switchClient(client, sessionId))
                : List.of(switchClient(seat.get().client(), away.get()), switchClient(client, sessionId));
    }

    private static String switchLine(String client, String sessionId) {
        return "switch-client -c " + TmuxQuote.q(client) + " -t " + TmuxQuote.q(sessionId);
    }

    /** A message on one client's status line for {@code ms}; the text is shown as is (no formats). */
    public static TmuxCommand<Void> message(String clientTty, int ms, String text) {
        return TmuxCommand.effect("display-message -c " + TmuxQuote.q(clientTty) + " -d " + ms + " "
                + TmuxQuote.q(text.replace("#", "##")));
    }

    public static TmuxCommand<Void> killSession(String sessionId) {
        return TmuxCommand.effect("kill-session -t " + TmuxQuote.q(sessionId));
    }

    /** A detached session named {@code name} (tmux's own name rules); reply {@code "$7"}: its id. */
    public static TmuxCommand<String> newSession(String name) {
        return new TmuxCommand<>(
                "new-session -d -P -F '#{session_id}' -s " + TmuxQuote.name(name),
                lines -> lines.isEmpty() ? "" : lines.get(0).trim());
    }

    /**
     * Every window with the tags muxbar gives the windows it opens on other machines' sessions:
     * {@code [session id, window id, @muxbar-host, @muxbar-remote]} per window ({@code @muxbar-host} is
     * a session option the window inherits).
     */
    public static TmuxCommand<List<String[]>> taggedWindows() {
        return new TmuxCommand<>(
                "list-windows -a -F '#{session_id} #{window_id} #{@muxbar-host} #{@muxbar-remote}'",
                lines -> lines.stream()
                        .map(l -> java.util.Arrays.copyOf(l.split(" ", 4), 4))
                        .filter(f -> f[3] != null)
                        .toList());
    }

    /**
     * A detached session named {@code name} whose one window, named {@code window}, runs {@code argv}
     * directly (no shell); reply {@code "$7 @12"}: its id and its window's.
     */
    public static TmuxCommand<String> newSessionRunning(String name, String window, List<String> argv) {
        return new TmuxCommand<>(
                "new-session -d -P -F '#{session_id} #{window_id}' -s " + TmuxQuote.name(name) + " -n "
                        + TmuxQuote.name(window) + " -- " + words(argv),
                lines -> lines.isEmpty() ? "" : lines.get(0).trim());
    }

    /** A window named {@code name} at the end of session {@code sessionId}, running {@code argv} directly; reply its id. */
    public static TmuxCommand<String> newWindowRunning(String sessionId, String name, List<String> argv) {
        return new TmuxCommand<>(
                "new-window -d -P -F '#{window_id}' -t " + TmuxQuote.q(sessionId + ":") + " -n " + TmuxQuote.name(name)
                        + " -- " + words(argv),
                lines -> lines.isEmpty() ? "" : lines.get(0).trim());
    }

    private static String words(List<String> argv) {
        StringBuilder b = new StringBuilder();
        for (String a : argv) {
            b.append(b.length() == 0 ? "" : " ").append(TmuxQuote.q(a));
        }
        return b.toString();
    }

    public static TmuxCommand<Void> renameSession(String sessionId, String name) {
        return TmuxCommand.effect("rename-session -t " + TmuxQuote.q(sessionId) + " " + TmuxQuote.name(name));
    }

    // --- windows and panes ---

    public static TmuxCommand<Void> selectWindow(String windowId) {
        return TmuxCommand.effect("select-window -t " + TmuxQuote.q(windowId));
    }

    public static TmuxCommand<Void> selectPane(String paneId) {
        return TmuxCommand.effect("select-pane -t " + TmuxQuote.q(paneId));
    }

    /** The window's previously active pane becomes active (an error when it has none). */
    public static TmuxCommand<Void> lastPane(String windowId) {
        return TmuxCommand.effect("last-pane -t " + TmuxQuote.q(windowId));
    }

    public static TmuxCommand<Void> killPane(String paneId) {
        return TmuxCommand.effect("kill-pane -t " + TmuxQuote.q(paneId));
    }

    public static TmuxCommand<Void> killWindow(String windowId) {
        return TmuxCommand.effect("kill-window -t " + TmuxQuote.q(windowId));
    }

    public static TmuxCommand<Void> resizePaneWidth(String paneId, int width) {
        return TmuxCommand.effect("resize-pane -t " + TmuxQuote.q(paneId) + " -x " + width);
    }

    /** A pane tmux made: its id, size and tty. */
    public record NewPane(String id, int width, int height, String tty) {}

    /**
     * A full-height pane of {@code width} columns at the window's left edge (right with
     * {@code right}), running {@code shellCommand}; focus stays where it was. Reply
     * {@code "%7 30 40 /dev/pts/9"}.
     */
    public static TmuxCommand<Optional<NewPane>> splitEdge(
            String windowId, boolean right, int width, String shellCommand) {
        return new TmuxCommand<>(
                "split-window -d -f " + (right ? "-h" : "-hb") + " -l " + width + " -t "
                        + TmuxQuote.q(windowId) + " -P -F '#{pane_id} #{pane_width} #{pane_height} #{pane_tty}' "
                        + TmuxQuote.q(shellCommand),
                Commands::newPane);
    }

    /** The window's layout ({@code #{window_layout}}), e.g. {@code "c2d3,169x40,0,0{100x40,0,0,0,68x40,101,0,1}"}. */
    public static TmuxCommand<String> windowLayout(String windowId) {
        return TmuxCommand.firstLine("display-message -p -t " + TmuxQuote.q(windowId) + " '#{window_layout}'");
    }

    /**
     * The window's panes laid out as {@code l} ({@link Layout#withEdge}, {@link Layout#withoutEdge}),
     * sent right after the split or kill it belongs to — but only while the window still has that
     * size and number of panes: {@code select-layout} also resizes the window to the layout's size.
     * The check is an {@code if-shell} without a target (a window that went away is no error) with a
     * command in either branch, so tmux always answers with two blocks.
     */
    public static TmuxCommand<Void> relayout(String windowId, Layout l) {
        if (!windowId.matches("@[0-9]+")) {
            throw new IllegalArgumentException("not a window id: " + windowId);
        }
        String same = "#{S:#{W:#{?#{&&:#{==:#{window_id}," + windowId + "},#{&&:#{==:#{window_width}," + l.width()
                + "},#{&&:#{==:#{window_height}," + l.height() + "},#{==:#{window_panes},"
                + l.panes().size()
                + "}}}},1,}}}";
        return new TmuxCommand<>(
                "if-shell -F '" + same + "' { select-layout -t " + windowId + " " + TmuxQuote.q(l.dump())
                        + " } { display-message -p '' }",
                lines -> null,
                2);
    }

    static Optional<NewPane> newPane(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String[] f = lines.get(0).trim().split(" ", 4);
        if (f.length != 4 || !f[0].startsWith("%")) {
            return Optional.empty();
        }
        return Optional.of(new NewPane(f[0], number(f[1]), number(f[2]), f[3]));
    }

    /**
     * Whether a pane is its window's active pane, its window, and whether someone looks at that window
     * now (it is its session's current window and a client is attached to the session): reply
     * {@code "1 @4 1 1 $2"}.
     */
    public record PaneFocus(boolean active, String windowId, boolean viewed, String sessionId) {}

    public static TmuxCommand<Optional<PaneFocus>> paneFocus(String paneId) {
        return new TmuxCommand<>(
                "display-message -p -t " + TmuxQuote.q(paneId)
                        + " '#{pane_active} #{window_id} #{window_active} #{session_attached} #{session_id}'",
                lines -> {
                    String[] f = lines.isEmpty()
                            ? new String[0]
                            : lines.get(0).trim().split(" ");
                    return f.length == 5
                            ? Optional.of(
                                    new PaneFocus(f[0].equals("1"), f[1], f[2].equals("1") && !f[3].equals("0"), f[4]))
                            : Optional.empty();
                });
    }

    /** The screen of a pane with its colours ({@code -e}: SGR sequences), one line per row. */
    public static TmuxCommand<List<String>> capturePaneStyled(String paneId) {
        return TmuxCommand.lines("capture-pane -e -p -t " + TmuxQuote.q(paneId));
    }

    /** The screen of a pane, one line per row (no colours). */
    public static TmuxCommand<List<String>> capturePane(String paneId) {
        return TmuxCommand.lines("capture-pane -p -t " + TmuxQuote.q(paneId));
    }

    /**
     * Keys to a pane, as tmux names them ({@code 1}, {@code y}, {@code Enter}, {@code Escape}): only
     * names of letters, digits and dashes, or one printable character, each quoted.
     */
    public static TmuxCommand<Void> sendKeys(String paneId, List<String> keys) {
        StringBuilder sb = new StringBuilder("send-keys -t ").append(TmuxQuote.q(paneId));
        for (String k : keys) {
            if (!k.matches("[A-Za-z0-9-]{1,16}|[!-~]")) {
                throw new IllegalArgumentException("not a key name: " + k);
            }
            sb.append(' ').append(TmuxQuote.q(k));
        }
        return TmuxCommand.effect(sb.toString());
    }

    /** Text typed into a pane exactly as it is ({@code -l}: no key names; {@code --}: a leading dash is text). */
    public static TmuxCommand<Void> sendText(String paneId, String text) {
        return TmuxCommand.effect("send-keys -l -t " + TmuxQuote.q(paneId) + " -- " + TmuxQuote.q(text));
    }

    // --- options ---

    /** A pane option (user options such as {@code @muxbar-sidebar}). */
    public static TmuxCommand<Void> setPaneOption(String paneId, String name, String value) {
        return TmuxCommand.effect(
                "set-option -p -t " + TmuxQuote.q(paneId) + " " + option(name) + " " + TmuxQuote.q(value));
    }

    public static TmuxCommand<Void> setGlobalOption(String name, String value) {
        return TmuxCommand.effect("set-option -g " + option(name) + " " + TmuxQuote.q(value));
    }

    public static TmuxCommand<Void> unsetGlobalOption(String name) {
        return TmuxCommand.effect("set-option -gu " + option(name));
    }

    /** A global option's value, "" when unset. */
    public static TmuxCommand<String> globalOption(String name) {
        return TmuxCommand.firstLine("show-options -gqv " + option(name));
    }

    /**
     * Global (user) options in one round trip: {@code display-message -p '#{@a}<TAB>#{@b}'} prints each
     * value ("" when unset) separated by tabs, e.g. {@code "\t30\tright"}. Values in the order asked.
     */
    public static TmuxCommand<List<String>> globalOptions(List<String> names) {
        String format = String.join(
                "\t", names.stream().map(n -> "#{" + option(n) + "}").toList());
        return new TmuxCommand<>("display-message -p " + TmuxQuote.q(format), lines -> {
            String[] v = String.join("\n", lines).split("\t", -1);
            return java.util.stream.IntStream.range(0, names.size())
                    .mapToObj(i -> i < v.length ? v[i].trim() : "")
                    .toList();
        });
    }

    // --- keys ---

    /** The binding of one key, as {@code list-keys} prints it ("" when unbound). */
    public static TmuxCommand<String> binding(String table, String key) {
        return TmuxCommand.firstLine("list-keys -T " + word(table) + " " + word(key));
    }

    /** A session's option ({@code @muxbar-session-status}, {@code bell-action}); null: unset it. */
    public static TmuxCommand<Void> sessionOption(String sessionId, String name, String value) {
        return TmuxCommand.effect("set-option -q" + (value == null ? "u" : "") + " -t " + TmuxQuote.q(sessionId) + " "
                + option(name) + (value == null ? "" : " " + TmuxQuote.q(value)));
    }

    /** A session's own value of an option (not the global one it inherits): "" when it has none. */
    public static TmuxCommand<String> sessionOwnOption(String sessionId, String name) {
        return TmuxCommand.firstLine("show-options -qv -t " + TmuxQuote.q(sessionId) + " " + option(name));
    }

    /** A window's user option ({@code @muxbar-window-status}); null: unset it. */
    public static TmuxCommand<Void> windowOption(String windowId, String name, String value) {
        return TmuxCommand.effect("set-option -qw" + (value == null ? "u" : "") + " -t " + TmuxQuote.q(windowId) + " "
                + option(name) + (value == null ? "" : " " + TmuxQuote.q(value)));
    }

    /** Binds a key to a command ({@link Bindings} builds them). */
    public static TmuxCommand<Void> bind(String table, String key, String command) {
        return TmuxCommand.effect("bind-key -T " + word(table) + " " + word(key) + " " + command);
    }

    /** Compiled once: status-line options are set many times a second under agent load. */
    private static final java.util.regex.Pattern OPTION_NAME = java.util.regex.Pattern.compile("@?[A-Za-z0-9_-]+");

    /** An option's name ({@code @muxbar-width}, {@code status}): names need no quoting, others are refused. */
    private static String option(String name) {
        if (!OPTION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an option name: " + name);
        }
        return name;
    }

    /** A table or key name as tmux prints it in list-keys: only names that need no quoting. */
    private static String word(String s) {
        if (!s.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("not a key or table muxbar binds: " + s);
        }
        return s;
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
