package dev.muxbar.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Choices;
import dev.muxbar.model.Meta;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;
import dev.muxbar.testing.Fuzz;
import dev.muxbar.testing.Snapshots;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Json} against jackson-databind, which wrote and read the daemon's JSON before: the same
 * text for the API's values, the same answers from every accessor for parsed documents (fuzzed),
 * and errors for what is no JSON.
 */
class JsonTest {

    private static final ObjectMapper DATABIND = new ObjectMapper();

    private static Model richModel() {
        Snapshot s = Snapshots.of(42, 1700, "$0", "alpha", "$1", "be'ta|$ #{x} 名\n");
        s = new Snapshot(
                s.server(),
                s.sessions(),
                List.of(new Snapshot.Client("/dev/pts/3", "/dev/pts/3", 7, "$1", 99, 120, 40)));
        List<Agent> agents = List.of(
                new Agent(
                        "%0",
                        "@0",
                        "$0",
                        "claude",
                        "t1",
                        Status.WAITING,
                        Source.HOOK,
                        123,
                        "a \"title\"",
                        null,
                        true,
                        Wait.QUESTION),
                new Agent(
                        "%1",
                        "@1", "$1", "codex", null, Status.RUNNING, Source.SCREEN, 5, null, "msg\u0001\u2028", false));
        Map<String, Meta> meta = new LinkedHashMap<>();
        meta.put(
                "$0",
                new Meta(
                        new Meta.Line("building", Meta.Tone.WARN, 99),
                        new Meta.Progress(2, 5, 0),
                        List.of(new Meta.Line("x", Meta.Tone.OK, 0))));
        meta.put("$1", Meta.EMPTY);
        OrderBook order = new OrderBook(
                42, 1700, List.of(new OrderBook.Entry("$1", "b")), List.of(new OrderBook.Entry("$0", "a")));
        return Model.of(s, order, agents, Set.of("$1"), new Choices(true, 30, 30, false, "note", "nord"), meta);
    }

    @Test
    void theModelIsWrittenAsDatabindWroteIt() throws Exception {
        Model m = richModel();
        assertEquals(DATABIND.writeValueAsString(m), Json.write(m));
        assertEquals(DATABIND.writerWithDefaultPrettyPrinter().writeValueAsString(m.order()), Json.pretty(m.order()));
    }

    @Test
    void mapsListsNumbersAndNullsAreWrittenAsDatabindWroteThem() throws Exception {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("ok", true);
        h.put("pid", 123456789012L);
        h.put("ratio", 0.25);
        h.put("none", null);
        h.put("list", List.of(1, "two", List.of(), Map.of()));
        h.put("status", Status.TOOL_RUNNING);
        h.put("text", Fuzz.NASTY);
        assertEquals(DATABIND.writeValueAsString(h), Json.write(h));
        assertEquals("{\"error\":\"a \\\"b\\\"\\n\"}", Json.error("a \"b\"\n"));
    }

    @Test
    void parsedDocumentsAnswerEveryAccessorAsJsonNodeDid() throws Exception {
        List<String> seeds = List.of(
                "{\"hook_event_name\":\"PreToolUse\",\"session_id\":\"s1\",\"tool_input\":{\"command\":\"ls\",\"n\":3},\"ok\":true}",
                "{\"a\":[1,2.5,\"3\",null,true,\"true\",\" 7 \",{\"b\":\"c\"}],\"big\":123456789012345678901234567890,\"neg\":-4}",
                "{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"hé 😀\"}],\"x\":1e3,\"f\":false,\"s\":\"false\"}}");
        Fuzz f = Fuzz.create();
        int compared = 0;
        for (int i = Fuzz.iterations(400); i > 0; i--) {
            String text = i % 4 == 0 ? f.pick(seeds) : f.mutate(f.pick(seeds));
            JsonNode expected;
            try {
                expected = DATABIND.readTree(text);
            } catch (Exception notJson) {
                assertThrows(
                        Json.JsonException.class, () -> Json.parse(text), "accepted what databind refused: " + text);
                continue;
            }
            Node got = Json.parse(text);
            same(expected, got, text + " (" + f.replay("") + ")");
            compared++;
        }
        assertTrue(compared > 50, "too few documents parsed: " + compared);
    }

    private static void same(JsonNode e, Node g, String where) {
        String at = where + " at " + e;
        assertEquals(e.isObject(), g.isObject(), at);
        assertEquals(e.isArray(), g.isArray(), at);
        assertEquals(e.isTextual(), g.isTextual(), at);
        assertEquals(e.isNumber(), g.isNumber(), at);
        assertEquals(e.isBoolean(), g.isBoolean(), at);
        assertEquals(e.isNull(), g.isNull(), at);
        assertEquals(e.isMissingNode(), g.isMissingNode(), at);
        assertEquals(e.isValueNode(), g.isValueNode(), at);
        assertEquals(e.asText(), g.asText(), at);
        assertEquals(e.asText("fb"), g.asText("fb"), at);
        assertEquals(e.textValue(), g.textValue(), at);
        if (!e.isNumber() || e.canConvertToLong()) {
            assertEquals(e.asInt(), g.asInt(), at);
            assertEquals(e.asLong(), g.asLong(), at);
            assertEquals(e.asInt(-1), g.asInt(-1), at);
        }
        assertEquals(e.asBoolean(), g.asBoolean(), at);
        assertEquals(e.asBoolean(true), g.asBoolean(true), at);
        assertEquals(e.size(), g.size(), at);
        assertEquals(e.isEmpty(), g.isEmpty(), at);
        assertEquals(e.isMissingNode() ? "" : e.toString(), g.toString(), at);
        assertEquals(e.path("missing").isMissingNode(), g.path("missing").isMissingNode(), at);
        List<String> names = new java.util.ArrayList<>();
        e.fieldNames().forEachRemaining(names::add);
        List<String> gotNames = new java.util.ArrayList<>();
        g.fieldNames().forEachRemaining(gotNames::add);
        assertEquals(names, gotNames, at);
        for (String n : names) {
            same(e.get(n), g.get(n), where);
            assertEquals(e.has(n), g.has(n), at);
            assertEquals(e.hasNonNull(n), g.hasNonNull(n), at);
        }
        for (int i = 0; e.isArray() && i < e.size(); i++) {
            same(e.get(i), g.get(i), where);
        }
        if (e.isArray()) {
            assertEquals(e.path(e.size()).isMissingNode(), g.path(g.size()).isMissingNode(), at);
        }
    }

    @Test
    void pointersEmptyTextAndStrictness() throws Exception {
        Node n = Json.parse("{\"a\":[{\"b/c\":\"x\"}],\"e\":{}}");
        assertEquals("x", n.at("/a/0/b~1c").asText());
        assertTrue(n.at("/a/1").isMissingNode());
        assertTrue(n.at("/nope/x").isMissingNode());
        assertTrue(Json.parse("").isMissingNode());
        assertTrue(Json.parse("  \n").isMissingNode());
        assertEquals("{\"a\":1}", Json.parse("{\"a\":1} trailing").toString()); // lenient, as databind's readTree
        Json.JsonException trailing = assertThrows(Json.JsonException.class, () -> Json.parseStrict("{\"a\":1} {}"));
        assertTrue(trailing.getMessage().contains("more content"), trailing.getMessage());
        Json.JsonException dup = assertThrows(Json.JsonException.class, () -> Json.parseStrict("{\"a\":1,\"a\":2}"));
        assertTrue(dup.getMessage().contains("Duplicate field 'a'"), dup.getMessage());
        Json.JsonException broken = assertThrows(Json.JsonException.class, () -> Json.parse("{\"a\":"));
        assertTrue(broken.getMessage().contains("line 1"), broken.getMessage());
        assertThrows(Json.JsonException.class, () -> Json.parse("[".repeat(5000)));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }
}
