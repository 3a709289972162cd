package dev.muxbar.agents;

import static dev.muxbar.agents.HookMapping.clip;
import static dev.muxbar.agents.HookMapping.text;

import dev.muxbar.json.Node;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * One line of an agent's own log → a {@link Signal} (source transcript), or null when the line says
 * nothing about the agent. A signal with a null status only proves the agent is alive.
 *
 * <p>Facts these rules rest on (from real transcripts): Claude Code almost never writes
 * {@code stop_reason: end_turn} — a turn ends with a {@code system} {@code turn_duration} or
 * {@code stop_hook_summary} line or the Stop {@code hook_progress}; versions without those leave the
 * last text-only assistant message as the only hint ({@link Signal.Cue#TURN_MAY_END}). Nothing is
 * written while a prompt is up, except for tools that always ask (AskUserQuestion, ExitPlanMode).
 * Local commands ({@code /model}, {@code /cost}) are no work. A rejected tool call with the user's
 * feedback goes on with the turn. Codex 0.60 and older write no {@code task_complete}.
 *
 * <pre>
 * Claude (~/.claude/projects/&lt;dir&gt;/&lt;session&gt;.jsonl):
 *   {"type":"assistant","sessionId":"s1","timestamp":"2026-…Z","message":{"role":"assistant","stop_reason":null,
 *    "content":[{"type":"tool_use","id":"toolu_1","name":"Bash",…}]},…}
 *   {"type":"user","sessionId":"s1","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1",…}]}}
 *   {"type":"system","subtype":"turn_duration","sessionId":"s1","durationMs":5120,…}
 *   {"type":"progress","sessionId":"s1","data":{"type":"hook_progress","hookEvent":"Stop",…}}
 * Codex (~/.codex/sessions/YYYY/MM/DD/rollout-….jsonl):
 *   {"timestamp":"…","type":"session_meta","payload":{"id":"t1","cwd":"/src",…}}
 *   {"timestamp":"…","type":"event_msg","payload":{"type":"task_complete","last_agent_message":"…"}}
 * </pre>
 */
public final class Transcripts {
    private Transcripts() {}

    /** A Claude Code transcript line. */
    public static Signal claude(Node line) {
        if (line == null || !line.isObject()) {
            return null;
        }
        String type = text(line, "type");
        String thread = text(line, "sessionId");
        if (thread == null || type == null) {
            return null;
        }
        long at = time(text(line, "timestamp"));
        String cwd = text(line, "cwd");
        if (line.path("isSidechain").asBoolean(false)
                || line.path("isMeta").asBoolean(false)
                || line.path("isCompactSummary").asBoolean(false)) {
            return signal("claude", null, cwd, thread, at, "claude " + type + " (bookkeeping or subagent)");
        }
        return switch (type) {
            case "assistant" -> claudeAssistant(line, cwd, thread, at);
            case "user" -> claudeUser(line, cwd, thread, at);
            case "system" -> claudeSystem(line, cwd, thread, at);
            case "progress" -> {
                Node d = line.path("data");
                boolean stop = "hook_progress".equals(text(d, "type")) && "Stop".equals(text(d, "hookEvent"));
                if ("bash_progress".equals(text(d, "type"))) {
                    // A command that prints while it runs: it was allowed (a prompt about it is over).
                    yield signal("claude", Status.TOOL_RUNNING, cwd, thread, at, "transcript bash_progress")
                            .withCue(Signal.Cue.TOOL_PROGRESS, text(line, "toolUseID"));
                }
                yield stop
                        ? signal("claude", Status.DONE, cwd, thread, at, "transcript Stop hook_progress")
                                .withCue(Signal.Cue.TURN_END, null)
                        : signal("claude", null, cwd, thread, at, "transcript progress " + clip(text(d, "type")));
            }
            // Claude 2.1.328 queues a background task's end ("enqueue" with the notification, then an
            // attachment "queued_command" when it arrives mid-turn, or a user message after the turn).
            case "queue-operation" ->
                notification(text(line, "content"), cwd, thread, at, "transcript queue-operation");
            case "attachment" ->
                "queued_command".equals(text(line.path("attachment"), "type"))
                        ? notification(
                                queuedText(line.path("attachment")), cwd, thread, at, "transcript queued_command")
                        : null;
            default -> null; // summary, file-history-snapshot: about files, not the agent
        };
    }

    private static final Pattern TOOL_USE_ID = Pattern.compile("<tool-use-id>([^<]{1,200})</tool-use-id>");

    /** A background task's end when {@code text} is its notification; null for anything else (a queued prompt). */
    private static Signal notification(String text, String cwd, String thread, long at, String why) {
        return text != null && text.stripLeading().startsWith("<task-notification>")
                ? backgroundEnd(text, cwd, thread, at, why)
                : null;
    }

    /** Background work ended: the notification names the tool call that started it. */
    private static Signal backgroundEnd(String text, String cwd, String thread, long at, String why) {
        java.util.regex.Matcher m = TOOL_USE_ID.matcher(text);
        return signal("claude", Status.RUNNING, cwd, thread, at, why)
                .withCue(Signal.Cue.BACKGROUND_END, m.find() ? m.group(1) : null);
    }

    /** The text of a queued command attachment (a string, or content blocks). */
    private static String queuedText(Node attachment) {
        Node p = attachment.has("prompt") ? attachment.path("prompt") : attachment.path("content");
        return p.isTextual() ? p.asText() : firstText(p);
    }

    private static Signal claudeSystem(Node line, String cwd, String thread, long at) {
        String sub = text(line, "subtype");
        if ("turn_duration".equals(sub) || "stop_hook_summary".equals(sub)) {
            return signal("claude", Status.DONE, cwd, thread, at, "transcript system " + sub)
                    .withCue(Signal.Cue.TURN_END, null);
        }
        if ("compact_boundary".equals(sub)) {
            boolean manual = "manual".equals(text(line.path("compactMetadata"), "trigger"));
            // A manual /compact leaves the agent at its prompt; an automatic one goes on with the turn.
            return signal(
                    "claude",
                    manual ? Status.IDLE : null,
                    cwd,
                    thread,
                    at,
                    "transcript compact_boundary " + (manual ? "manual" : "auto"));
        }
        return signal("claude", null, cwd, thread, at, "transcript system " + clip(sub));
    }

    private static Signal claudeAssistant(Node line, String cwd, String thread, long at) {
        Node message = line.path("message");
        if (line.path("isApiErrorMessage").asBoolean(false)) {
            return signal("claude", Status.ERROR, cwd, thread, at, "transcript API error message")
                    .withCue(Signal.Cue.TURN_END, null)
                    .note(clip(firstText(message.path("content"))));
        }
        if ("<synthetic>".equals(text(message, "model"))) {
            return signal("claude", null, cwd, thread, at, "transcript synthetic message");
        }
        Node use = firstOfType(message.path("content"), "tool_use");
        if (use != null) {
            String tool = text(use, "name");
            Wait wait = HookMapping.asks(tool);
            return signal(
                            "claude",
                            wait != null ? Status.WAITING : Status.TOOL_RUNNING,
                            cwd,
                            thread,
                            at,
                            "transcript tool_use " + clip(tool))
                    .withCue(Signal.Cue.TOOL_OPEN, text(use, "id"))
                    .withWait(wait)
                    .note(clip(tool));
        }
        String stop = text(message, "stop_reason");
        if ("end_turn".equals(stop) || "stop_sequence".equals(stop)) {
            return signal("claude", Status.DONE, cwd, thread, at, "transcript stop_reason " + stop);
        }
        boolean text = firstOfType(message.path("content"), "text") != null;
        Signal s = signal(
                "claude", Status.RUNNING, cwd, thread, at, "transcript assistant " + (text ? "text" : "thinking"));
        return text ? s.withCue(Signal.Cue.TURN_MAY_END, null) : s;
    }

    private static Signal claudeUser(Node line, String cwd, String thread, long at) {
        Node content = line.path("message").path("content");
        String text = content.isTextual() ? content.asText() : firstText(content);
        Node result = firstOfType(content, "tool_result");
        if (result != null) {
            String id = text(result, "tool_use_id");
            Node c = result.path("content");
            String out = c.isTextual() ? c.asText() : firstText(c);
            boolean rejected = result.path("is_error").asBoolean(false)
                    && out != null
                    && (out.contains("doesn't want to proceed") || out.contains("was rejected"));
            if (rejected && !out.contains("the user said:")) {
                return signal("claude", Status.INTERRUPTED, cwd, thread, at, "transcript tool_result rejected")
                        .withCue(Signal.Cue.TOOL_CLOSE, id);
            }
            if (!rejected
                    && out != null
                    && (out.contains("Async agent launched") || out.contains("running in background with ID"))) {
                return signal(
                                "claude",
                                Status.RUNNING,
                                cwd,
                                thread,
                                at,
                                "transcript tool_result: started in the background")
                        .withCue(Signal.Cue.BACKGROUND_START, id);
            }
            return signal(
                            "claude",
                            Status.RUNNING,
                            cwd,
                            thread,
                            at,
                            "transcript tool_result" + (rejected ? " rejected with feedback" : ""))
                    .withCue(Signal.Cue.TOOL_CLOSE, id);
        }
        if (text == null) {
            return signal("claude", null, cwd, thread, at, "transcript user (no text)");
        }
        if (text.stripLeading().startsWith("<task-notification>")) {
            // Background work finished; Claude takes it up as a new turn of its own.
            return backgroundEnd(text, cwd, thread, at, "transcript task-notification");
        }
        if (text.startsWith("[Request interrupted by user")) {
            return signal("claude", Status.INTERRUPTED, cwd, thread, at, "transcript interrupt");
        }
        String head = text.stripLeading();
        if (head.startsWith("<command-name>")
                || head.startsWith("<command-message>")
                || head.startsWith("<local-command-")
                || head.startsWith("<bash-input>")
                || head.startsWith("<bash-stdout>")
                || head.startsWith("<bash-stderr>")
                || head.startsWith(
                        "Caveat: The messages below were generated by the user while running local commands")) {
            return signal("claude", null, cwd, thread, at, "transcript local command"); // no work for the model
        }
        return signal("claude", Status.RUNNING, cwd, thread, at, "transcript user prompt")
                .withCue(Signal.Cue.TURN_START, null)
                .titled(clip(text));
    }

    /**
     * A Codex rollout line. {@code meta} carries the thread and cwd from the file's session_meta line
     * (rollout lines after the first do not repeat them); it is updated when this line is one.
     */
    public static Signal codex(Node line, String[] meta) {
        if (line == null || !line.isObject()) {
            return null;
        }
        String type = text(line, "type");
        Node p = line.path("payload");
        String kind = text(p, "type");
        if ("session_meta".equals(type)) {
            meta[0] = text(p, "id");
            meta[1] = text(p, "cwd");
            return null;
        }
        if (meta[0] == null || kind == null) {
            return null;
        }
        long at = time(text(line, "timestamp"));
        String call = text(p, "call_id");
        Signal s = codexSignal(type, kind, p, call, meta, at);
        return s != null ? s : signal("codex", null, meta[1], meta[0], at, "rollout " + type + " " + clip(kind));
    }

    private static Signal codexSignal(String type, String kind, Node p, String call, String[] meta, long at) {
        String why = "rollout " + kind;
        if ("event_msg".equals(type)) {
            return switch (kind) {
                case "task_started" -> codex(Status.RUNNING, meta, at, why).withCue(Signal.Cue.TURN_START, null);
                case "user_message" ->
                    codex(Status.RUNNING, meta, at, why)
                            .withCue(Signal.Cue.TURN_START, null)
                            .titled(clip(text(p, "message")));
                case "agent_reasoning" -> codex(Status.RUNNING, meta, at, why);
                // The last message of a turn, unless a tool call follows (0.60 and older write no task_complete).
                case "agent_message" ->
                    codex(Status.RUNNING, meta, at, why)
                            .withCue(Signal.Cue.TURN_MAY_END, null)
                            .note(clip(text(p, "message")));
                case "exec_command_begin", "patch_apply_begin", "mcp_tool_call_begin" ->
                    codex(Status.TOOL_RUNNING, meta, at, why).withCue(Signal.Cue.TOOL_OPEN, call);
                case "exec_command_end", "patch_apply_end", "mcp_tool_call_end" ->
                    codex(Status.RUNNING, meta, at, why).withCue(Signal.Cue.TOOL_CLOSE, call);
                case "exec_approval_request", "apply_patch_approval_request" -> codex(Status.WAITING, meta, at, why);
                case "task_complete" -> {
                    boolean failed = p.hasNonNull("error");
                    yield codex(failed ? Status.ERROR : Status.DONE, meta, at, why + (failed ? " with error" : ""))
                            .withCue(Signal.Cue.TURN_END, null)
                            .note(clip(failed ? p.path("error").toString() : text(p, "last_agent_message")));
                }
                case "turn_aborted" -> codex(Status.INTERRUPTED, meta, at, why);
                case "error" -> codex(Status.ERROR, meta, at, why).note(clip(text(p, "message")));
                default -> null; // token_count, stream_error (a retry) and friends: alive
            };
        }
        if ("response_item".equals(type)) {
            return switch (kind) {
                case "function_call", "custom_tool_call", "local_shell_call" ->
                    codex(Status.TOOL_RUNNING, meta, at, why + " " + clip(text(p, "name")))
                            .withCue(Signal.Cue.TOOL_OPEN, call)
                            .note(clip(text(p, "name")));
                case "function_call_output", "custom_tool_call_output" ->
                    codex(Status.RUNNING, meta, at, why).withCue(Signal.Cue.TOOL_CLOSE, call);
                case "reasoning" -> codex(Status.RUNNING, meta, at, why);
                case "message" ->
                    "assistant".equals(text(p, "role"))
                            ? codex(Status.RUNNING, meta, at, why + " assistant")
                                    .withCue(Signal.Cue.TURN_MAY_END, null)
                            : null; // user messages repeat event_msg user_message, or are context and abort markers
                default -> null;
            };
        }
        return null;
    }

    private static Signal codex(Status status, String[] meta, long at, String why) {
        return signal("codex", status, meta[1], meta[0], at, why);
    }

    private static Signal signal(String agent, Status status, String cwd, String thread, long at, String why) {
        return new Signal(
                Source.TRANSCRIPT,
                agent,
                status,
                new Signal.Where(null, null, cwd, null),
                thread,
                null,
                null,
                false,
                Signal.Cue.NONE,
                null,
                null,
                at,
                why);
    }

    /** An ISO instant ({@code 2026-12-01T07:23:54.123Z}) as epoch ms; 0 when missing or not one. */
    static long time(String iso) {
        try {
            return iso == null ? 0 : Instant.parse(iso).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private static String firstText(Node content) {
        Node t = firstOfType(content, "text");
        return t == null ? null : text(t, "text");
    }

    private static Node firstOfType(Node content, String type) {
        if (content != null && content.isArray()) {
            for (Node c : content) {
                if (type.equals(text(c, "type"))) {
                    return c;
                }
            }
        }
        return null;
    }
}
