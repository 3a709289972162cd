package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.fail;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import dev.muxbar.testing.Fuzz;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Agent input is written by other programs: every hook payload and transcript line, however broken,
 * gives a signal, nothing, or (hooks) an IllegalArgumentException the API turns into a 400 — never
 * another exception. Mutations of the fixtures' real lines, with a fixed seed ({@link Fuzz}).
 */
class AgentInputFuzzTest {

    private static List<String> lines(String resource, Function<Node, Node> pick) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = AgentInputFuzzTest.class.getResourceAsStream("/agents/" + resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    Node n = pick.apply(Json.parse(line));
                    if (n != null && !n.isMissingNode() && !n.isNull()) {
                        out.add(n.toString());
                    }
                }
            }
        }
        return out;
    }

    private static Node parse(String s) {
        try {
            return Json.parse(s);
        } catch (IOException e) {
            return null; // the API answers 400 "not JSON" before any mapping
        }
    }

    private interface Mapping {
        Object apply(Node n);
    }

    private static void fuzz(List<String> corpus, Mapping mapping, boolean mayRefuse) {
        Fuzz f = Fuzz.create();
        for (int i = Fuzz.iterations(3_000); i > 0; i--) {
            String input = f.mutate(f.pick(corpus));
            Node n = parse(input);
            if (n == null) {
                continue;
            }
            try {
                mapping.apply(n);
            } catch (IllegalArgumentException e) {
                if (!mayRefuse) {
                    fail("refused where it must not: " + e + "; " + f.replay(input));
                }
            } catch (RuntimeException e) {
                fail(e + "; " + f.replay(input), e);
            }
        }
    }

    @Test
    void claudeHooks() throws IOException {
        List<String> corpus = new ArrayList<>(lines("claude-permission-approved.jsonl", n -> n.get("hook")));
        corpus.addAll(lines("claude-permission-esc.jsonl", n -> n.get("hook")));
        fuzz(corpus, n -> HookMapping.claude(n, "%1", "42"), true);
    }

    @Test
    void codexNotifyAndHooks() {
        List<String> corpus = List.of(
                "{\"type\":\"agent-turn-complete\",\"thread-id\":\"t1\",\"turn-id\":\"1\",\"cwd\":\"/src\","
                        + "\"input-messages\":[\"run the tests\"],\"last-assistant-message\":\"done\"}",
                "{\"hook_event_name\":\"PreToolUse\",\"session_id\":\"t1\",\"cwd\":\"/src\",\"tool_name\":\"shell\"}");
        fuzz(corpus, n -> HookMapping.codex(n, "%1", null), true);
    }

    @Test
    void genericEvents() {
        List<String> corpus = List.of(
                "{\"agent\":\"aider\",\"status\":\"waiting\",\"pane\":\"%3\",\"title\":\"t\",\"message\":\"m\"}",
                "{\"agent\":\"claude\",\"status\":\"done\",\"session\":\"work\",\"thread\":\"x\"}",
                "{\"agent\":\"goose\",\"status\":\"running\",\"cwd\":\"/src\"}");
        fuzz(corpus, HookMapping::generic, true);
    }

    @Test
    void transcriptLines() throws IOException {
        fuzz(
                lines("claude-transcript.jsonl", n -> n.has("transcript") ? n.get("transcript") : n),
                Transcripts::claude,
                false);
        fuzz(lines("codex-rollout.jsonl", n -> n), n -> Transcripts.codex(n, new String[] {"t1", "/src"}), false);
    }
}
