package dev.muxbar.real;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI Responses, streamed, as Codex reads it: {@code response.created}, an output item (a message
 * with {@code response.output_text.delta}s, or a {@code function_call}), {@code response.completed}.
 * The prompt is the last user message that is not context Codex adds itself ({@code <environment_context>},
 * {@code <user_instructions>}: text starting with '<'); tool rounds are the {@code *_call_output}
 * items after it. A step's {@code codex} object names the function and its arguments
 * ({@code {"name": "shell", "arguments": {…}}}).
 */
final class ResponsesWire implements MockModels.Wire {

    @Override
    public String name() {
        return "responses";
    }

    /** Codex asks for a task title in a request of its own, without tools. */
    @Override
    public boolean sideRequest(JsonNode body) {
        return body.path("tools").isEmpty();
    }

    @Override
    public String prompt(JsonNode body) {
        JsonNode input = body.path("input");
        for (int i = input.size() - 1; i >= 0; i--) {
            String t = userText(input.get(i));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    @Override
    public int toolResults(JsonNode body) {
        JsonNode input = body.path("input");
        int n = 0;
        for (int i = input.size() - 1; i >= 0; i--) {
            if (userText(input.get(i)) != null) {
                return n;
            }
            if (input.get(i).path("type").asText().endsWith("_call_output")) {
                n++;
            }
        }
        return n;
    }

    private static String userText(JsonNode item) {
        if (!"user".equals(item.path("role").asText())) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : item.path("content")) {
            String t = c.path("text").asText("");
            if (!t.startsWith("<")) {
                sb.append(t);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public List<String[]> events(Scenario.Step step, String id, List<String> chunks) {
        List<String[]> out = new ArrayList<>();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", "resp_" + id);
        response.put("object", "response");
        response.put("status", "in_progress");
        response.put("model", "mock-model");
        response.put("output", List.of());
        out.add(event("response.created", Map.of("type", "response.created", "response", response)));
        List<Object> done = new ArrayList<>();
        int index = 0;
        if (!chunks.isEmpty()) {
            String itemId = "msg_" + id;
            out.add(event(
                    "response.output_item.added",
                    Map.of(
                            "type",
                            "response.output_item.added",
                            "output_index",
                            index,
                            "item",
                            Map.of(
                                    "type",
                                    "message",
                                    "id",
                                    itemId,
                                    "status",
                                    "in_progress",
                                    "role",
                                    "assistant",
                                    "content",
                                    List.of()))));
            for (String c : chunks) {
                out.add(event(
                        "response.output_text.delta",
                        Map.of(
                                "type",
                                "response.output_text.delta",
                                "item_id",
                                itemId,
                                "output_index",
                                index,
                                "content_index",
                                0,
                                "delta",
                                c)));
            }
            Map<String, Object> item = Map.of(
                    "type",
                    "message",
                    "id",
                    itemId,
                    "status",
                    "completed",
                    "role",
                    "assistant",
                    "content",
                    List.of(Map.of("type", "output_text", "text", String.join("", chunks), "annotations", List.of())));
            out.add(event(
                    "response.output_item.done",
                    Map.of("type", "response.output_item.done", "output_index", index++, "item", item)));
            done.add(item);
        }
        if (step.isTool()) {
            JsonNode call = step.codex();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "function_call");
            item.put("id", "fc_" + id);
            item.put("call_id", "call_" + id);
            item.put("name", call.path("name").asText("exec_command"));
            item.put("arguments", call.path("arguments").toString());
            item.put("status", "completed");
            out.add(event(
                    "response.output_item.added",
                    Map.of("type", "response.output_item.added", "output_index", index, "item", item)));
            out.add(event(
                    "response.output_item.done",
                    Map.of("type", "response.output_item.done", "output_index", index, "item", item)));
            done.add(item);
        }
        Map<String, Object> completed = new LinkedHashMap<>(response);
        completed.put("status", "completed");
        completed.put("output", done);
        completed.put(
                "usage",
                Map.of(
                        "input_tokens",
                        1200,
                        "input_tokens_details",
                        Map.of("cached_tokens", 800),
                        "output_tokens",
                        42,
                        "output_tokens_details",
                        Map.of("reasoning_tokens", 0),
                        "total_tokens",
                        1242));
        out.add(event("response.completed", Map.of("type", "response.completed", "response", completed)));
        return out;
    }

    private static String[] event(String name, Map<String, Object> data) {
        return new String[] {name, MockModels.json(data)};
    }

    @Override
    public String error(int status) {
        return MockModels.json(Map.of(
                "error",
                Map.of(
                        "type",
                        status == 429 ? "rate_limit_exceeded" : "server_error",
                        "message",
                        "mock error " + status)));
    }
}
