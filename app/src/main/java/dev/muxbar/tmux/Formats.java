package dev.muxbar.tmux;

import java.util.List;

/**
 * The format templates of one refresh, kept in one place.
 *
 * <p>Each record starts with RS ({@code \u001e}) and its fields are separated by US ({@code \u001f}).
 * tmux stores session and window names already escaped ({@code a<TAB>b} is kept as the four
 * characters {@code a\tb}), and pane titles cannot hold control characters, so neither separator
 * appears inside those. A pane's working directory can hold anything, including a newline, so it is
 * the last field: the parser splits each record into a fixed number of fields, letting the last one
 * keep any extra US, and joins lines back with {@code \n} before splitting records on RS.
 */
public final class Formats {
    private Formats() {}

    public static final char RS = '\u001e';
    public static final char US = '\u001f';

    public static final List<String> SERVER = List.of("pid", "start_time", "version");
    public static final List<String> SESSIONS = List.of("session_id", "session_created", "session_name");
    public static final List<String> WINDOWS = List.of("session_id", "window_id", "window_index", "window_active",
            "window_width", "window_height", "window_layout", "window_name");
    public static final List<String> PANES = List.of("session_id", "window_id", "pane_id", "pane_active",
            "pane_width", "pane_height", "pane_pid", "pane_tty", "@muxbar-sidebar", "pane_current_command",
            "pane_title", "pane_current_path");
    public static final List<String> CLIENTS = List.of("client_name", "client_tty", "client_pid",
            "client_activity", "client_width", "client_height", "session_id");

    /** {@code "\u001e#{a}\u001f#{b}…"}: a template for the given fields, to be put in double quotes. */
    public static String template(List<String> fields) {
        StringBuilder sb = new StringBuilder().append(RS);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(US);
            }
            sb.append("#{").append(fields.get(i)).append('}');
        }
        return sb.toString();
    }

    /** The command lines of one refresh, in the order {@link ListParser#snapshot} expects. */
    public static List<String> refreshCommands() {
        return List.of(
                "display-message -p \"" + template(SERVER) + "\"",
                "list-sessions -F \"" + template(SESSIONS) + "\"",
                "list-windows -a -F \"" + template(WINDOWS) + "\"",
                "list-panes -a -F \"" + template(PANES) + "\"",
                "list-clients -F \"" + template(CLIENTS) + "\"");
    }

    /** The same commands as argv lists, for running them as separate tmux processes. */
    public static List<List<String>> refreshArgv() {
        return List.of(
                List.of("display-message", "-p", template(SERVER)),
                List.of("list-sessions", "-F", template(SESSIONS)),
                List.of("list-windows", "-a", "-F", template(WINDOWS)),
                List.of("list-panes", "-a", "-F", template(PANES)),
                List.of("list-clients", "-F", template(CLIENTS)));
    }
}
