package dev.muxbar.agents;

import dev.muxbar.json.Node;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;
import java.util.regex.Pattern;

/**
 * Turns what agents send into {@link Signal}s: Claude Code hook payloads (stdin of a hook command),
 * Codex {@code notify} payloads and hooks, and the generic {@code /agent-event} body. Bad input throws
 * {@link IllegalArgumentException} with a message for the caller.
 *
 * <pre>
 * Claude:  {"session_id":"abc","transcript_path":"…","cwd":"/src","hook_event_name":"PreToolUse","tool_name":"Bash",…}
 * Codex:   {"type":"agent-turn-complete","thread-id":"…","turn-id":"…","cwd":"/src","input-messages":["…"],
 *           "last-assistant-message":"…"}
 * Generic: {"agent":"aider","status":"waiting","pane":"%3","thread":"t1","title":"…","message":"…"}
 * </pre>
 */
public final class HookMapping {
    private HookMapping() {}

    private static final Pattern PANE = Pattern.compile("%[0-9]{1,9}");
    private static final Pattern AGENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
    /** Titles and messages are shown in a narrow column: keep them short. */
    static final int MAX_TEXT = 200;

    /** Where a hook ran, from the query: {@code pane=%3} ($TMUX_PANE) and/or {@code pid=123} ($PPID). */
    public static Signal.Where where(String pane, String pid, String cwd) {
        if (pane != null && !pane.isEmpty() && !PANE.matcher(pane).matches()) {
            throw new IllegalArgumentException("pane must look like %3, got: " + pane);
        }
        Long p = null;
        if (pid != null && !pid.isEmpty()) {
            try {
                p = Long.parseLong(pid);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("pid must be a number, got: " + pid);
            }
        }
        return new Signal.Where(pane == null || pane.isEmpty() ? null : pane, null, cwd, p);
    }

    /** A Claude Code hook payload. */
    public static Signal claude(Node body, String pane, String pid) {
        return hook("claude", body, pane, pid);
    }

    /** A Codex notify payload ({@code type}) or hook payload ({@code hook_event_name}). */
    public static Signal codex(Node body, String pane, String pid) {
        requireObject(body);
        if (body.hasNonNull("hook_event_name")) {
            return hook("codex", body, pane, pid);
        }
        String type = text(body, "type");
        if (type == null) {
            throw new IllegalArgumentException(
                    "a Codex payload needs \"type\" (notify) or \"hook_event_name\" (hooks)");
        }
        Signal.Where where = where(pane, pid, text(body, "cwd"));
        String thread = text(body, "thread-id");
        String title = null;
        Node inputs = body.get("input-messages");
        if (inputs != null && inputs.isArray() && !inputs.isEmpty()) {
            title = clip(inputs.get(inputs.size() - 1).asText());
        }
        String last = clip(text(body, "last-assistant-message"));
        Status status = switch (type) {
            case "agent-turn-complete" -> Status.DONE;
            case "approval-requested" -> Status.WAITING;
            default -> throw new IllegalArgumentException("unknown Codex notification type: " + clip(type));
        };
        return new Signal(
                Source.NOTIFY,
                "codex",
                status,
                where,
                thread,
                title,
                last,
                false,
                status == Status.DONE ? Signal.Cue.TURN_END : Signal.Cue.NONE,
                null,
                null,
                0,
                "notify " + clip(type));
    }

    private static Signal hook(String agent, Node body, String pane, String pid) {
        requireObject(body);
        String event = text(body, "hook_event_name");
        if (event == null) {
            throw new IllegalArgumentException("the payload has no hook_event_name");
        }
        Signal.Where where = where(pane, pid, text(body, "cwd"));
        String thread = text(body, "session_id");
        String tool = text(body, "tool_name");
        String toolId = text(body, "tool_use_id");
        String title = null;
        String message = null;
        boolean end = false;
        Status status;
        Signal.Cue cue = Signal.Cue.NONE;
        Wait wait = null;
        switch (event) {
            case "SessionStart" -> {
                // After a compaction the agent is where it was (an automatic one goes on with the turn);
                // after a manual /compact it waits for the next prompt.
                boolean compact = "compact".equals(text(body, "source"));
                status = Status.IDLE;
                cue = compact ? Signal.Cue.COMPACT_END : Signal.Cue.NONE;
            }
            case "UserPromptSubmit" -> {
                status = Status.RUNNING;
                cue = Signal.Cue.TURN_START;
                title = clip(text(body, "prompt"));
            }
            case "PreToolUse" -> {
                // A question or a plan always waits for the user; other tools run (or ask, and then
                // PermissionRequest / Notification says so).
                wait = asks(tool);
                status = wait != null ? Status.WAITING : Status.TOOL_RUNNING;
                cue = Signal.Cue.TOOL_OPEN;
                message = tool;
            }
            case "PostToolUse", "PostToolUseFailure" -> {
                status = Status.RUNNING;
                cue = Signal.Cue.TOOL_CLOSE;
            }
            case "PermissionDenied" -> {
                // Denied (by a rule, or by the user): the prompt is over; the turn goes on, or the
                // transcript's interrupt says it stopped.
                status = Status.RUNNING;
                cue = Signal.Cue.TOOL_CLOSE;
            }
            case "PostCompact" -> {
                status = Status.IDLE;
                cue = Signal.Cue.COMPACT_END;
            }
            case "SubagentStart", "SubagentStop" -> {
                // A subagent starts or ends (2.1.328 sends both): the agent works on, but a background
                // or warm-up subagent starting or ending while the agent idles wakes nothing.
                status = Status.RUNNING;
                cue = Signal.Cue.IF_BUSY;
            }
            case "PermissionRequest" -> {
                status = Status.WAITING;
                wait = Wait.ofTool(tool);
                message = tool == null ? "permission" : "permission: " + tool;
            }
            case "Notification" -> {
                message = clip(text(body, "message"));
                String type = text(body, "notification_type");
                status = notification(type, message);
                wait = "elicitation_dialog".equals(type) ? Wait.QUESTION : null;
            }
            case "Stop" -> {
                // Stop ends the main agent's turn; background subagents or shells it started may run on
                // (Claude Code 2.1.145+ lists them). The Stop after the last of them is the real end.
                int background = running(body.path("background_tasks"));
                status = background > 0 ? Status.RUNNING : Status.DONE;
                cue = background > 0 ? Signal.Cue.NONE : Signal.Cue.TURN_END;
                message = background > 0
                        ? background + " background task" + (background == 1 ? "" : "s") + " running"
                        : null;
            }
            case "StopFailure" -> {
                status = Status.ERROR;
                cue = Signal.Cue.TURN_END;
            }
            case "PreCompact" -> {
                // A manual /compact is work the user waits for; an automatic one happens inside a turn.
                boolean manual = "manual".equals(text(body, "trigger"));
                status = manual ? Status.RUNNING : null;
                cue = manual ? Signal.Cue.COMPACT_START : Signal.Cue.NONE;
                message = "compacting";
            }
            case "SessionEnd" -> {
                status = null;
                end = true;
            }
            default -> throw new IllegalArgumentException("unknown " + agent + " hook event: " + clip(event));
        }
        String why = "hook " + event + (tool != null ? " " + clip(tool) : "")
                + (text(body, "notification_type") != null ? " " + clip(text(body, "notification_type")) : "");
        return new Signal(
                Source.HOOK, agent, status, where, thread, title, clip(message), end, cue, toolId, wait, 0, why);
    }

    /** How many entries of a {@code background_tasks} array are {@code running} (0 when there is none). */
    static int running(Node tasks) {
        int n = 0;
        if (tasks != null && tasks.isArray()) {
            for (Node t : tasks) {
                n += "running".equals(text(t, "status")) ? 1 : 0;
            }
        }
        return n;
    }

    /** The wait a tool means by itself (it always asks the user), or null for tools that just run. */
    static Wait asks(String tool) {
        return "AskUserQuestion".equals(tool) || "ExitPlanMode".equals(tool) ? Wait.ofTool(tool) : null;
    }

    /**
     * Notification types: {@code permission_prompt} and {@code elicitation_dialog} wait for the user;
     * {@code idle_prompt} ("waiting for your input" after a finished turn) keeps the turn done; others
     * ({@code auth_success}) only carry a message. Without a type the message decides.
     */
    static Status notification(String type, String message) {
        if (type != null) {
            return switch (type) {
                case "permission_prompt", "elicitation_dialog" -> Status.WAITING;
                case "idle_prompt" -> Status.DONE;
                default -> null;
            };
        }
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("permission")) {
            return Status.WAITING;
        }
        return m.contains("waiting for your input") ? Status.DONE : null;
    }

    /** The generic {@code POST /agent-event} body; {@code session} must already be an id ({@code $3}). */
    public static Signal generic(Node body) {
        requireObject(body);
        String agent = text(body, "agent");
        if (agent == null || !AGENT.matcher(agent).matches()) {
            throw new IllegalArgumentException("agent must be a short lowercase name like \"aider\", got: "
                    + (agent == null ? "nothing" : clip(agent)));
        }
        String s = text(body, "status");
        Status status = Status.parse(s);
        if (status == null) {
            throw new IllegalArgumentException("status must be one of idle, running, tool-running, waiting, done, "
                    + "error, interrupted, stale; got: " + (s == null ? "nothing" : clip(s)));
        }
        String pane = text(body, "pane");
        String session = text(body, "session");
        String cwd = text(body, "cwd");
        if (pane == null && session == null && cwd == null) {
            throw new IllegalArgumentException("say where the agent runs: pane, session or cwd");
        }
        Signal.Where w = where(pane, null, cwd);
        return new Signal(
                Source.HOOK,
                agent,
                status,
                new Signal.Where(w.pane(), session, cwd, null),
                text(body, "thread"),
                clip(text(body, "title")),
                clip(text(body, "message")),
                false,
                Signal.Cue.NONE,
                null,
                null,
                0,
                "event " + status.label());
    }

    private static void requireObject(Node body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
    }

    /** A string field, or null when missing, null or not text. */
    static String text(Node body, String field) {
        Node n = body.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /** Runs of control characters and white space; compiled once (String.replaceAll compiles per call). */
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("[\\p{Cntrl}\\s]+");

    /** One line of at most {@link #MAX_TEXT} characters, control characters dropped. */
    static String clip(String s) {
        if (s == null) {
            return null;
        }
        String one = BLANKS.matcher(s).replaceAll(" ").strip();
        return one.length() <= MAX_TEXT ? one : one.substring(0, MAX_TEXT - 1) + "…";
    }
}
