package dev.muxbar.hooks;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * muxbar's statusLine tee in Claude Code's {@code settings.json}: Claude pipes its statusLine JSON (its
 * own cost, context and quotas) to the command there at every update. Install puts
 * {@code muxbar-statusline} there — with the user's own command, when there is one, as its single-quoted
 * argument: the tee forwards the JSON to muxbar and runs that command with the same stdin, its output
 * and exit status unchanged. Only the command string's bytes change (the user's {@code padding} and the
 * rest stay); a statusLine that is not a command is left alone. Uninstall puts the user's command back
 * (JSON-escaped as Claude writes it) or removes the statusLine muxbar added.
 *
 * <pre>
 * "statusLine": {"type": "command", "command": "~/.claude/line.sh", "padding": 0}
 *   → "statusLine": {"type": "command", "command": "/path/scripts/muxbar-statusline '~/.claude/line.sh'", "padding": 0}
 * </pre>
 */
public final class StatusLineTee {

    static final String MARK = "muxbar-statusline";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusLineTee() {}

    /** {@code text} with the tee {@code tee} (a shell word: the script's path, quoted when it needs it). */
    public static String install(String text, String tee) throws IOException {
        JsonSpans.Node root = root(text);
        JsonSpans.Member m = root.member("statusLine");
        TextEdits edits = new TextEdits();
        if (m == null) {
            String ind = root.members.isEmpty()
                    ? "  "
                    : JsonSpans.indentOf(text, root.members.get(0).start());
            String member =
                    "\"statusLine\": {\"type\": \"command\", \"command\": " + JSON.writeValueAsString(tee) + "}";
            edits.insert(
                    JsonSpans.trimBack(text, root.end - 1),
                    (root.members.isEmpty() ? "" : ",") + "\n" + ind + member + (root.members.isEmpty() ? "\n" : ""));
        } else {
            JsonSpans.Node command = command(m);
            if (command == null || command.text.contains(MARK)) {
                return text; // not a command (kept as it is), or the tee is there already
            }
            edits.replace(command.start, command.end, JSON.writeValueAsString(tee + " " + quote(command.text)));
        }
        String out = edits.apply(text);
        JsonSpans.parse(out); // never write something Claude Code cannot read
        return out;
    }

    /** {@code text} with the user's own statusLine back, or without the one muxbar added. */
    public static String uninstall(String text) throws IOException {
        JsonSpans.Node root = root(text);
        JsonSpans.Member m = root.member("statusLine");
        JsonSpans.Node command = m == null ? null : command(m);
        if (command == null || !command.text.contains(MARK)) {
            return text;
        }
        String rest = afterTee(command.text);
        String user = unquote(rest);
        if (!rest.isEmpty() && user == null) {
            return text; // not what install wrote: the user's own edit, left to them
        }
        TextEdits edits = new TextEdits();
        if (rest.isEmpty()) {
            boolean[] del = new boolean[root.members.size()];
            del[root.members.indexOf(m)] = true;
            if (root.members.size() == 1) {
                edits.delete(root.start + 1, root.end - 1); // install made it from "{}": back to that
            } else {
                edits.deleteItems(
                        root.members.stream().mapToInt(JsonSpans.Member::start).toArray(),
                        root.members.stream().mapToInt(x -> x.value().end).toArray(),
                        del);
            }
        } else {
            edits.replace(command.start, command.end, JSON.writeValueAsString(user));
        }
        return edits.apply(text);
    }

    /** Whether {@code text}'s statusLine is a command that is not muxbar's: the tee will run it. */
    public static boolean hasUserCommand(String text) throws IOException {
        JsonSpans.Member m = root(text).member("statusLine");
        JsonSpans.Node command = m == null ? null : command(m);
        return command != null
                && (!command.text.contains(MARK) || !afterTee(command.text).isEmpty());
    }

    private static JsonSpans.Node root(String text) throws IOException {
        JsonSpans.Node root = JsonSpans.parse(text);
        if (!root.isObject()) {
            throw new IOException("the settings are not a JSON object");
        }
        return root;
    }

    /** The statusLine's command string, or null when it is not a command. */
    private static JsonSpans.Node command(JsonSpans.Member statusLine) {
        JsonSpans.Node v = statusLine.value();
        JsonSpans.Member type = v.isObject() ? v.member("type") : null;
        JsonSpans.Member command = v.isObject() ? v.member("command") : null;
        boolean isCommand = type != null && "command".equals(type.value().text);
        return isCommand && command != null && command.value().kind == JsonToken.VALUE_STRING ? command.value() : null;
    }

    /** {@code s} as one single-quoted shell word. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** What follows the first word (the tee) of the tee's command line ({@code TEE 'USER'}), stripped. */
    static String afterTee(String line) {
        int i = 0;
        if (line.startsWith("'")) {
            i = line.indexOf('\'', 1) + 1;
        } else {
            while (i < line.length() && line.charAt(i) != ' ') {
                i++;
            }
        }
        return i <= 0 ? "" : line.substring(i).strip();
    }

    /** A shell word of single-quoted parts and backslash escapes read back, or null when it is not one. */
    static String unquote(String rest) {
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (k < rest.length()) {
            char c = rest.charAt(k);
            if (c == '\'') {
                int close = rest.indexOf('\'', k + 1);
                if (close < 0) {
                    return null;
                }
                out.append(rest, k + 1, close);
                k = close + 1;
            } else if (c == '\\' && k + 1 < rest.length()) {
                out.append(rest.charAt(k + 1));
                k += 2;
            } else {
                return null;
            }
        }
        return out.toString();
    }
}
