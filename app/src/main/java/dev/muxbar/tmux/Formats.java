package dev.muxbar.tmux;

import java.util.List;

/**
 * The format templates of one refresh, kept in one place.
 *
 * <p>Each record starts with RS ({@code \u001e}) and its fields are separated by US ({@code \u001f}).
 * tmux stores session and window names already escaped ({@code a<TAB>b} is kept as the four
 * characters {@code a\tb}), and pane titles cannot hold control characters, so neither separator
 * appears inside those. A pane's working directory can hold anything, including a newline, so it is
 * the last field of {@link #PANE_PROCESSES}: the parser splits each record into a fixed number of
 * fields, letting the last one keep any extra US, and joins lines back with {@code \n} before
 * splitting records on RS.
 */
public final class Formats {
    private Formats() {}

    public static final char RS = '\u001e';
    public static final char US = '\u001f';

    public static final List<String> SERVER = List.of("pid", "start_time", "version");
    /** The name last: it is the one field that can be long; {@code session_last_attached} is for {@code model.Seat}. */
    public static final List<String> SESSIONS =
            List.of("session_id", "session_created", "session_last_attached", "session_name");
    /**
     * Which windows get no sidebar: the user's {@code @muxbar-exclude}, a tmux format that tmux
     * expands for each window (its active pane in context; "" and "0" are false), or when it is unset
     * the default: the helper window of oh-my-tmux's maximize ({@code prefix +}), whose pane runs
     * {@code maximized... …} and which must hold exactly one pane. Set it to {@code 0} to exclude nothing.
     */
    public static final String EXCLUDE_DEFAULT = "#{m:*maximized...*,#{pane_start_command}}";
    /**
     * The exclusion field. {@code @muxbar-restoring} (set by muxbar's tmux-resurrect hook while a
     * restore runs, scripts/muxbar-resurrect) excludes every window: resurrect recreates panes by
     * index, and a sidebar split into a window it is still filling would take one.
     */
    static final String EXCLUDE =
            "?@muxbar-restoring,1,#{?#{==:#{@muxbar-exclude},}," + EXCLUDE_DEFAULT + ",#{E:@muxbar-exclude}}";
    /** No {@code window_layout}: tmux serialises the layout tree per window (~40% of list-windows), and pane sizes say the same. */
    public static final List<String> WINDOWS = List.of(
            "session_id",
            "window_id",
            "window_index",
            "window_active",
            "window_width",
            "window_height",
            "window_zoomed_flag",
            EXCLUDE,
            "window_name");
    /**
     * Every field costs tmux ~1 ms per 1000 panes, so only what is needed. No {@code session_id}: a
     * pane belongs to a window, and a window linked into two sessions lists the same panes twice.
     */
    public static final List<String> PANES = List.of(
            "window_id",
            "pane_id",
            "pane_active",
            "pane_width",
            "pane_height",
            "pane_pid",
            "pane_tty",
            "@muxbar-sidebar",
            "pane_title");
    /**
     * What runs in each pane. Kept out of {@link #PANES}: tmux reads /proc for both fields of every
     * pane, which was 60% of a refresh at 1000 panes (34 ms vs 14 ms for list-panes), and they change
     * without any structural notification anyway.
     */
    public static final List<String> PANE_PROCESSES = List.of("pane_id", "pane_current_command", "pane_current_path");

    public static final List<String> CLIENTS = List.of(
            "client_name",
            "client_tty",
            "client_pid",
            "client_activity",
            "client_width",
            "client_height",
            "session_id",
            "client_termfeatures");

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

    /**
     * The parts of a refresh, in the order {@link ListParser#snapshot} expects their replies. A
     * refresh may fetch only some parts and reuse the last replies of the others (see
     * {@link ControlGateway#refresh}).
     */
    public enum Part {
        SERVER(List.of("display-message", "-p"), Formats.SERVER),
        SESSIONS(List.of("list-sessions", "-F"), Formats.SESSIONS),
        WINDOWS(List.of("list-windows", "-a", "-F"), Formats.WINDOWS),
        PANES(List.of("list-panes", "-a", "-F"), Formats.PANES),
        CLIENTS(List.of("list-clients", "-F"), Formats.CLIENTS);

        private final List<String> argv;
        private final int fields;

        Part(List<String> verb, List<String> fields) {
            this.argv = withTemplate(verb, fields);
            this.fields = fields.size();
        }

        /** Fields per record of this part's output. */
        public int fields() {
            return fields;
        }

        /** The command line of this part, for the control client. */
        public String command() {
            return commandLine(argv);
        }

        /** The same as an argv, for a separate tmux process. */
        public List<String> argv() {
            return argv;
        }
    }

    private static final List<String> SCAN_ARGV = withTemplate(List.of("list-panes", "-a", "-F"), PANE_PROCESSES);

    private static List<String> withTemplate(List<String> verb, List<String> fields) {
        List<String> argv = new java.util.ArrayList<>(verb);
        argv.add(template(fields));
        return List.copyOf(argv);
    }

    /** argv → a control-mode command line; only the template (the last word) needs quotes. */
    private static String commandLine(List<String> argv) {
        return String.join(" ", argv.subList(0, argv.size() - 1)) + " \"" + argv.get(argv.size() - 1) + "\"";
    }

    /** The command lines of a full refresh, in {@link Part} order. */
    public static List<String> refreshCommands() {
        return java.util.Arrays.stream(Part.values()).map(Part::command).toList();
    }

    /** The name under which a change of the window digest is passed on ({@link ControlGateway#watchWindows}). */
    public static final String WINDOWS_DIGEST = "muxbar-windows";

    /**
     * A digest of every window of every session: layout, zoom and active pane. tmux sends
     * {@code %layout-change} and {@code %window-pane-changed} only for windows of the control
     * client's own session, but the {@code S:}/{@code W:}/{@code P:} loops reach all of them.
     */
    public static String windowDigestCommand() {
        return "display-message -p \"#{S:#{W:#{window_id}#{window_layout}#{window_zoomed_flag}"
                + "#{P:#{?pane_active,#{pane_id},}}}}\"";
    }

    /**
     * One command for a digest of each of {@code panes}, in whichever session they are (the
     * {@code S:}/{@code W:}/{@code P:} loops reach all; a cheap {@code m:} match picks the panes):
     * {@code "%5" → "1795452536 120 0 23 0 ✳ Claude Code"} — window activity (seconds), history size,
     * cursor, whether in a mode, title. A pane that is gone is missing from the reply.
     */
    static TmuxCommand<java.util.Map<String, String>> paneDigestCommand(java.util.Collection<String> panes) {
        // Pane numbers without their '%': display-message runs its template through strftime at every
        // level of expansion, and "%4#," is a strftime conversion (nothing literal with '%' survives).
        StringBuilder list = new StringBuilder("#,");
        for (String p : panes) {
            if (!p.matches("%[0-9]+")) {
                throw new IllegalArgumentException("not a pane id: " + p);
            }
            list.append(p, 1, p.length()).append("#,");
        }
        String fields = RS + "#{pane_id}" + US + "#{window_activity} #{history_size} #{cursor_x} #{cursor_y} "
                + "#{pane_in_mode} #{pane_title}";
        String line =
                "display-message -p \"#{S:#{W:#{P:#{?#{m:*#,#{s/^.//:pane_id}#,*," + list + "}," + fields + ",}}}}\"";
        return new TmuxCommand<>(line, lines -> {
            java.util.Map<String, String> out = new java.util.HashMap<>();
            for (String rec : String.join("\n", lines).split(String.valueOf(RS))) {
                int us = rec.indexOf(US);
                if (us > 0) {
                    out.putIfAbsent(rec.substring(0, us), rec.substring(us + 1)); // a linked window: its panes twice
                }
            }
            return out;
        });
    }

    /** The pane process scan: one command line. */
    public static String processCommand() {
        return commandLine(SCAN_ARGV);
    }

    /** The refresh commands and then the process scan as argv lists, for separate tmux processes. */
    public static List<List<String>> refreshArgv() {
        List<List<String>> all = new java.util.ArrayList<>();
        for (Part p : Part.values()) {
            all.add(p.argv());
        }
        all.add(SCAN_ARGV);
        return all;
    }
}
