package dev.muxbar.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the mock model answers, as data ({@code real/scenarios.json}): for a prompt that contains a
 * key, the replies of its turn, one per model request — the first to the prompt, the next to the
 * request that carries the first reply's tool result, and so on.
 *
 * <pre>
 * "run ls": [ {"tool": "Bash", "input": {"command": "ls"}, "codex": {"command": ["bash", "-lc", "ls"]}},
 *             {"text": "Done.", "chunks": 4, "chunkMs": 50} ]
 * </pre>
 *
 * A step is text (streamed in {@code chunks} pieces {@code chunkMs} apart, after {@code thinkMs}), a
 * tool call ({@code tool}, its {@code input} for Claude and {@code codex} input for Codex's shell),
 * or an error ({@code error}: HTTP status, answered {@code times} times before the step after it).
 */
public record Scenario(Map<String, List<Step>> turns) {

    /** One reply. */
    public record Step(
            String text,
            int chunks,
            long chunkMs,
            long thinkMs,
            String tool,
            JsonNode input,
            JsonNode codex,
            int error,
            int times) {
        boolean isTool() {
            return tool != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Scenario load(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        Map<String, List<Step>> turns = new TreeMap<>();
        for (java.util.Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            List<Step> steps = new ArrayList<>();
            for (JsonNode s : root.get(key)) {
                steps.add(new Step(
                        s.path("text").isMissingNode() ? null : s.path("text").asText(),
                        Math.max(1, s.path("chunks").asInt(1)),
                        s.path("chunkMs").asLong(0),
                        s.path("thinkMs").asLong(0),
                        s.path("tool").isMissingNode() ? null : s.path("tool").asText(),
                        s.path("input"),
                        s.path("codex"),
                        s.path("error").asInt(0),
                        Math.max(1, s.path("times").asInt(1))));
            }
            turns.put(key, List.copyOf(steps));
        }
        return new Scenario(turns);
    }

    /** The scenario shipped with the tests. */
    public static Scenario shipped() throws IOException {
        try (InputStream in = Scenario.class.getResourceAsStream("/real/scenarios.json")) {
            if (in == null) {
                throw new IOException("no /real/scenarios.json on the class path");
            }
            return load(in);
        }
    }

    /** The turn whose key the prompt contains (the longest such key), or null. */
    public String turnOf(String prompt) {
        String best = null;
        for (String k : turns.keySet()) {
            if (prompt.contains(k) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return best;
    }
}
