package dev.muxbar.real;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic Messages, streamed: {@code message_start}, content blocks ({@code text} with
 * {@code text_delta}s, {@code tool_use} with one {@code input_json_delta}), {@code message_delta} with
 * the stop reason, {@code message_stop}. The prompt is the text of the last user message that is
 * not a tool result (Claude Code adds {@code <system-reminder>} blocks: skipped).
 */
final class AnthropicWire implements MockModels.Wire {

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public String prompt(JsonNode body) {
        JsonNode msgs = body.path("messages");
        for (int i = msgs.size() - 1; i >= 0; i--) {
            String text = userText(msgs.get(i));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    @Override
    public int toolResults(JsonNode body) {
        JsonNode msgs = body.path("messages");
        int n = 0;
        for (int i = msgs.size() - 1; i >= 0; i--) {
            if (userText(msgs.get(i)) != null) {
                return n;
            }
            JsonNode content = msgs.get(i).path("content");
            if (content.isTextual() && content.asText().startsWith("<task-notification>")) {
                n++; // background work finished: the turn's next round
            }
            for (JsonNode block : content) {
                if ("tool_result".equals(block.path("type").asText())
                        || block.path("text").asText("").startsWith("<task-notification>")) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The typed text of a user message, or null when it has none (only tool results or reminders). */
    private static String userText(JsonNode m) {
        if (!"user".equals(m.path("role").asText())) {
            return null;
        }
        JsonNode c = m.path("content");
        if (c.isTextual()) {
            return c.asText().startsWith("<") ? null : c.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode block : c) {
            String t = block.path("text").asText("");
            if ("text".equals(block.path("type").asText()) && !t.startsWith("<")) {
                sb.append(t);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public List<String[]> events(Scenario.Step step, String id, List<String> chunks) {
        List<String[]> out = new ArrayList<>();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", "msg_" + id);
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", "claude-mock");
        message.put("content", List.of());
        message.put("stop_reason", null);
        message.put("stop_sequence", null);
        message.put("usage", Map.of("input_tokens", 1200, "cache_read_input_tokens", 800, "output_tokens", 1));
        out.add(new String[] {"message_start", MockModels.json(Map.of("type", "message_start", "message", message))});
        int index = 0;
        if (!chunks.isEmpty()) {
            out.add(block(index, Map.of("type", "text", "text", "")));
            for (String c : chunks) {
                out.add(delta(index, Map.of("type", "text_delta", "text", c)));
            }
            out.add(stop(index++));
        }
        if (step.isTool()) {
            out.add(block(
                    index, Map.of("type", "tool_use", "id", "toolu_" + id, "name", step.tool(), "input", Map.of())));
            out.add(delta(
                    index,
                    Map.of(
                            "type",
                            "input_json_delta",
                            "partial_json",
                            step.input().toString())));
            out.add(stop(index));
        }
        out.add(new String[] {
            "message_delta",
            MockModels.json(Map.of(
                    "type",
                    "message_delta",
                    "delta",
                    Map.of("stop_reason", step.isTool() ? "tool_use" : "end_turn"),
                    "usage",
                    Map.of("output_tokens", 42)))
        });
        out.add(new String[] {"message_stop", "{\"type\":\"message_stop\"}"});
        return out;
    }

    private static String[] block(int index, Map<String, Object> block) {
        return new String[] {
            "content_block_start",
            MockModels.json(Map.of("type", "content_block_start", "index", index, "content_block", block))
        };
    }

    private static String[] delta(int index, Map<String, Object> delta) {
        return new String[] {
            "content_block_delta",
            MockModels.json(Map.of("type", "content_block_delta", "index", index, "delta", delta))
        };
    }

    private static String[] stop(int index) {
        return new String[] {"content_block_stop", MockModels.json(Map.of("type", "content_block_stop", "index", index))
        };
    }

    @Override
    public String error(int status) {
        String type = status == 529 ? "overloaded_error" : status == 429 ? "rate_limit_error" : "api_error";
        return MockModels.json(Map.of("type", "error", "error", Map.of("type", type, "message", "mock " + type)));
    }
}
