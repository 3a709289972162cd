package dev.muxbar.agents;

import static dev.muxbar.agents.HookMapping.clip;
import static dev.muxbar.agents.HookMapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;

/**
 * One line of an agent's own log → a {@link Signal} (source transcript), or null when the line says
 * nothing about the status. A signal with a null status only proves the agent is alive.
 *
 * <pre>
 * Claude (~/.claude/projects/&lt;dir&gt;/&lt;session&gt;.jsonl):
 *   {"type":"assistant","sessionId":"s1","cwd":"/src","message":{"role":"assistant","stop_reason":"tool_use",
 *    "content":[{"type":"tool_use","name":"Bash",…}]},…}
 *   {"type":"user","sessionId":"s1","cwd":"/src","message":{"role":"user","content":[{"type":"text",
 *    "text":"[Request interrupted by user]"}]},…}
 * Codex (~/.codex/sessions/YYYY/MM/DD/rollout-….jsonl):
 *   {"timestamp":"…","type":"session_meta","payload":{"id":"t1","cwd":"/src",…}}
 *   {"timestamp":"…","type":"event_msg","payload":{"type":"task_complete","last_agent_message":"…"}}
 * </pre>
 */
public final class Transcripts {
    private Transcripts() {}

    /** A Claude Code transcript line. */
    public static Signal claude(JsonNode line) {
        if (line == null || !line.isObject()) {
            return null;
        }
        String type = text(line, "type");
        String thread = text(line, "sessionId");
        String cwd = text(line, "cwd");
        if (thread == null || (!"user".equals(type) && !"assistant".equals(type))) {
            return null;
        }
        JsonNode message = line.path("message");
        if (line.path("isSidechain").asBoolean(false) || line.path("isMeta").asBoolean(false)) {
            return signal("claude", null, cwd, thread, null, null); // a subagent or bookkeeping: alive
        }
        Status status;
        String title = null;
        String note = null;
        if ("assistant".equals(type)) {
            if (line.path("isApiErrorMessage").asBoolean(false)) {
                status = Status.ERROR;
                note = firstText(message.path("content"));
            } else {
                String tool = firstOfType(message.path("content"), "tool_use", "name");
                String stop = text(message, "stop_reason");
                status = tool != null || "tool_use".equals(stop) ? Status.TOOL_RUNNING
                        : "end_turn".equals(stop) || "stop_sequence".equals(stop) ? Status.DONE : Status.RUNNING;
                note = tool;
            }
        } else {
            JsonNode content = message.path("content");
            String text = content.isTextual() ? content.asText() : firstText(content);
            boolean rejected = false;
            boolean toolResult = false;
            for (JsonNode c : content) {
                if ("tool_result".equals(text(c, "type"))) {
                    toolResult = true;
                    String out = c.path("content").isTextual() ? c.path("content").asText() : firstText(c.path("content"));
                    rejected |= c.path("is_error").asBoolean(false) && out != null
                            && (out.contains("doesn't want to proceed") || out.contains("was rejected"));
                }
            }
            if (rejected || (text != null && text.startsWith("[Request interrupted by user"))) {
                status = Status.INTERRUPTED;
            } else {
                status = Status.RUNNING;
                title = toolResult ? null : clip(text);
            }
        }
        return signal("claude", status, cwd, thread, title, clip(note));
    }

    /**
     * A Codex rollout line. {@code meta} carries the thread and cwd from the file's session_meta line
     * (rollout lines after the first do not repeat them); it is updated when this line is one.
     */
    public static Signal codex(JsonNode line, String[] meta) {
        if (line == null || !line.isObject()) {
            return null;
        }
        String type = text(line, "type");
        JsonNode p = line.path("payload");
        String kind = text(p, "type");
        if ("session_meta".equals(type)) {
            meta[0] = text(p, "id");
            meta[1] = text(p, "cwd");
            return null;
        }
        if (meta[0] == null || kind == null) {
            return null;
        }
        Status status = null;
        String title = null;
        String note = null;
        if ("event_msg".equals(type)) {
            switch (kind) {
                case "task_started", "agent_reasoning", "exec_command_end", "patch_apply_end" -> status = Status.RUNNING;
                case "user_message" -> {
                    status = Status.RUNNING;
                    title = clip(text(p, "message"));
                }
                case "agent_message" -> {
                    status = Status.RUNNING;
                    note = clip(text(p, "message"));
                }
                case "exec_command_begin", "patch_apply_begin", "mcp_tool_call_begin" -> status = Status.TOOL_RUNNING;
                case "exec_approval_request", "apply_patch_approval_request" -> status = Status.WAITING;
                case "task_complete" -> {
                    status = Status.DONE;
                    note = clip(text(p, "last_agent_message"));
                }
                case "turn_aborted" -> status = Status.INTERRUPTED;
                case "error", "stream_error" -> {
                    status = Status.ERROR;
                    note = clip(text(p, "message"));
                }
                default -> { } // token_count and friends: alive
            }
        } else if ("response_item".equals(type)) {
            switch (kind) {
                case "function_call", "custom_tool_call", "local_shell_call" -> {
                    status = Status.TOOL_RUNNING;
                    note = clip(text(p, "name"));
                }
                case "function_call_output", "custom_tool_call_output", "reasoning" -> status = Status.RUNNING;
                default -> { }
            }
        }
        return signal("codex", status, meta[1], meta[0], title, note);
    }

    private static Signal signal(String agent, Status status, String cwd, String thread, String title, String note) {
        return new Signal(Source.TRANSCRIPT, agent, status, new Signal.Where(null, null, cwd, null), thread, title,
                note, false);
    }

    private static String firstText(JsonNode content) {
        return firstOfType(content, "text", "text");
    }

    private static String firstOfType(JsonNode content, String type, String field) {
        if (content != null && content.isArray()) {
            for (JsonNode c : content) {
                if (type.equals(text(c, "type"))) {
                    return text(c, field);
                }
            }
        }
        return null;
    }
}
