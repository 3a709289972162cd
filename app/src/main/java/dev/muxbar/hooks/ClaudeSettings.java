package dev.muxbar.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * muxbar's hooks in a {@code "hooks"} object of Claude Code's {@code settings.json} — and of Codex's
 * {@code hooks.json}, which has the same shape ({@link #CODEX}): one entry per hook event that runs
 * {@code muxbar-hook AGENT}. Install adds only the missing entries; uninstall removes only entries
 * whose command runs muxbar-hook (and event lists or the {@code hooks} object it leaves empty).
 * Everything else in the file keeps its exact bytes. The hooks run synchronously: the hook script
 * returns in a few ms even with no daemon ({@code scripts/bench/truth} measures it), and asynchronous
 * hooks could reach muxbar out of order (a tool's end before its start).
 *
 * <pre>
 * "hooks": {
 *   "Stop": [{"hooks": [{"type": "command", "command": "/path/muxbar/scripts/muxbar-hook claude"}]}],
 *   "PreToolUse": [{"matcher": "*", "hooks": [{"type": "command", "command": "…"}]}], …
 * }
 * </pre>
 */
public final class ClaudeSettings {

    /** The events an agent gets a hook for, those of them that need a tool matcher, and the mark of muxbar's entries. */
    public record Spec(List<String> events, List<String> toolEvents, String mark) {}

    public static final Spec CLAUDE = new Spec(
            List.of(
                    "SessionStart",
                    "UserPromptSubmit",
                    "PreToolUse",
                    "PostToolUse",
                    "PostToolUseFailure",
                    "PermissionRequest",
                    "Notification",
                    "Stop",
                    "StopFailure",
                    "SubagentStop",
                    "PreCompact",
                    "SessionEnd"),
            List.of("PreToolUse", "PostToolUse", "PostToolUseFailure", "PermissionRequest"),
            "muxbar-hook claude");
    /** Codex's hook events (its {@code PermissionRequest} is the waiting its {@code notify} never reports). */
    public static final Spec CODEX = new Spec(
            List.of("SessionStart", "UserPromptSubmit", "PreToolUse", "PermissionRequest", "PostToolUse", "Stop"),
            List.of("PreToolUse", "PermissionRequest", "PostToolUse"),
            "muxbar-hook codex");

    public static final List<String> EVENTS = CLAUDE.events();
    static final String MARK = CLAUDE.mark();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Spec spec;

    public ClaudeSettings(Spec spec) {
        this.spec = spec;
    }

    /** The events {@code text} has no muxbar entry for (Claude's). */
    public static List<String> missing(String text) throws IOException {
        return new ClaudeSettings(CLAUDE).missingIn(text);
    }

    /** Claude's settings with muxbar's entries added where missing. */
    public static String install(String text, String command) throws IOException {
        return new ClaudeSettings(CLAUDE).add(text, command);
    }

    /** Claude's settings without muxbar's entries. */
    public static String uninstall(String text) throws IOException {
        return new ClaudeSettings(CLAUDE).remove(text);
    }

    /** The events {@code text} has no muxbar entry for. */
    public List<String> missingIn(String text) throws IOException {
        return missing(hooksOf(JsonSpans.parse(text)));
    }

    private List<String> missing(JsonSpans.Node hooks) {
        List<String> out = new ArrayList<>();
        for (String e : spec.events()) {
            JsonSpans.Member m = hooks == null ? null : hooks.member(e);
            if (m == null || ours(m.value()).isEmpty()) {
                out.add(e);
            }
        }
        return out;
    }

    /** {@code text} with muxbar's entries added where missing ({@code text} itself when none are). */
    public String add(String text, String command) throws IOException {
        JsonSpans.Node root = JsonSpans.parse(text);
        JsonSpans.Node hooks = hooksOf(root);
        List<String> missing = missing(hooks);
        if (missing.isEmpty()) {
            return text;
        }
        TextEdits edits = new TextEdits();
        if (hooks == null) {
            String ind = root.members.isEmpty()
                    ? "  "
                    : JsonSpans.indentOf(text, root.members.get(0).start());
            StringBuilder sb = new StringBuilder("\"hooks\": {");
            for (int i = 0; i < missing.size(); i++) {
                sb.append(i == 0 ? "" : ",")
                        .append('\n')
                        .append(ind)
                        .append(ind)
                        .append(eventMember(missing.get(i), command));
            }
            sb.append('\n').append(ind).append('}');
            edits.insert(
                    JsonSpans.trimBack(text, root.end - 1),
                    (root.members.isEmpty() ? "" : ",") + "\n" + ind + sb + (root.members.isEmpty() ? "\n" : ""));
        } else {
            String ind = hooks.members.isEmpty()
                    ? JsonSpans.indentOf(text, hooks.start) + "  "
                    : JsonSpans.indentOf(text, hooks.members.get(0).start());
            boolean any = !hooks.members.isEmpty();
            for (String e : missing) {
                JsonSpans.Member m = hooks.member(e);
                if (m != null && m.value().isArray()) {
                    JsonSpans.Node arr = m.value();
                    edits.insert(
                            JsonSpans.trimBack(text, arr.end - 1),
                            (arr.elements.isEmpty() ? "" : ", ") + entry(e, command));
                } else if (m != null) {
                    throw new IOException("hooks." + e + " is not a list; fix it by hand first");
                } else {
                    edits.insert(
                            JsonSpans.trimBack(text, hooks.end - 1),
                            (any ? "," : "") + "\n" + ind + eventMember(e, command)
                                    + (any ? "" : "\n" + JsonSpans.indentOf(text, hooks.start)));
                    any = true;
                }
            }
        }
        String out = edits.apply(text);
        JsonSpans.parse(out); // never write something Claude Code cannot read
        return out;
    }

    /** {@code text} without muxbar's entries ({@code text} itself when it has none). */
    public String remove(String text) throws IOException {
        JsonSpans.Node root = JsonSpans.parse(text);
        JsonSpans.Node hooks = hooksOf(root);
        if (hooks == null) {
            return text;
        }
        TextEdits edits = new TextEdits();
        int n = hooks.members.size();
        boolean[] dropMember = new boolean[n];
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            JsonSpans.Node arr = hooks.members.get(i).value();
            List<Integer> mine = ours(arr);
            if (mine.isEmpty()) {
                continue;
            }
            if (mine.size() == arr.elements.size()) {
                dropMember[i] = true;
                dropped++;
            } else {
                boolean[] del = new boolean[arr.elements.size()];
                mine.forEach(k -> del[k] = true);
                edits.deleteItems(
                        arr.elements.stream().mapToInt(x -> x.start).toArray(),
                        arr.elements.stream().mapToInt(x -> x.end).toArray(),
                        del);
            }
        }
        if (dropped == n && dropped > 0) {
            boolean[] del = new boolean[root.members.size()];
            del[root.members.indexOf(root.member("hooks"))] = true;
            deleteMembers(edits, root, del, text);
        } else if (dropped > 0) {
            deleteMembers(edits, hooks, dropMember, text);
        }
        return edits.isEmpty() ? text : edits.apply(text);
    }

    private static void deleteMembers(TextEdits edits, JsonSpans.Node obj, boolean[] del, String text) {
        boolean all = true;
        for (boolean d : del) {
            all &= d;
        }
        if (all) {
            // The object becomes empty: keep its braces, drop everything between them ("{}", as install found it).
            edits.delete(obj.start + 1, obj.end - 1);
            return;
        }
        edits.deleteItems(
                obj.members.stream().mapToInt(JsonSpans.Member::start).toArray(),
                obj.members.stream().mapToInt(m -> m.value().end).toArray(),
                del);
    }

    private static JsonSpans.Node hooksOf(JsonSpans.Node root) throws IOException {
        if (!root.isObject()) {
            throw new IOException("the settings are not a JSON object");
        }
        JsonSpans.Member m = root.member("hooks");
        if (m != null && !m.value().isObject()) {
            throw new IOException("\"hooks\" is not an object; fix it by hand first");
        }
        return m == null ? null : m.value();
    }

    /** Indexes of the elements of an event list that run muxbar-hook. */
    private List<Integer> ours(JsonSpans.Node arr) {
        List<Integer> out = new ArrayList<>();
        if (!arr.isArray()) {
            return out;
        }
        for (int i = 0; i < arr.elements.size(); i++) {
            List<String> texts = new ArrayList<>();
            arr.elements.get(i).texts(texts);
            if (texts.stream().anyMatch(t -> t.contains(spec.mark()))) {
                out.add(i);
            }
        }
        return out;
    }

    private String eventMember(String event, String command) {
        return "\"" + event + "\": [" + entry(event, command) + "]";
    }

    private String entry(String event, String command) {
        ObjectNode e = JSON.createObjectNode();
        if (spec.toolEvents().contains(event)) {
            e.put("matcher", "*");
        }
        ObjectNode h = e.putArray("hooks").addObject();
        h.put("type", "command");
        h.put("command", command);
        h.put("timeout", 5);
        return e.toString();
    }
}
