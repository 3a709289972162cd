package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.json.Json;
import dev.muxbar.model.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage from recordings in the agents' own formats, with the numbers known: Claude's context is the
 * last turn's (input, cache written and read), emptied by a compaction, priced per model across a model
 * switch; Codex's running totals, window and quota windows; lines with missing, non-numeric, negative
 * or absurd fields say nothing; a model without a price has tokens only.
 */
class UsageBookTest {

    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();
    private final UsageBook book = UsageBook.load(null, log::add);

    private void replay(String file, boolean codex, String thread) throws Exception {
        for (String line : Files.readAllLines(
                Path.of(UsageBookTest.class.getResource("/usage/" + file).toURI()))) {
            try {
                book.apply(thread, UsageLine.of(Json.parse(line), codex, 1_000_000));
            } catch (java.io.IOException notJson) {
                // as the tailer does: a line that is not JSON says nothing
            }
        }
    }

    @Test
    void claudesContextIsTheLastTurnsAndItsCostFollowsEachTurnsModel() throws Exception {
        replay("claude-session.jsonl", false, "sess-u1");
        Usage u = book.snapshot().get("sess-u1");
        assertEquals("claude-sonnet-4-5-20250929", u.model());
        assertEquals(20_005, u.context(), "the last turn's: 5 + 20000 + 0 — not a running sum");
        assertEquals(200_000, u.window());
        assertEquals(10, u.contextPercent());
        assertEquals(20_005, u.lastIn());
        assertEquals(100, u.lastOut());
        assertEquals(16_203 + 16_510 + 20_005, u.sessionIn());
        assertEquals(750, u.sessionOut());
        // sonnet 0.012759 + opus 4.1 0.063525 + sonnet 0.076515 = 0.152799
        assertEquals(0.15, u.costUsd());
        assertTrue(book.takeChanged());
        assertTrue(!book.takeChanged(), "nothing new since");
    }

    @Test
    void aCompactionEmptiesTheContextUntilTheNextTurn() throws Exception {
        replay("claude-session.jsonl", false, "sess-u1");
        book.apply("sess-u1", new UsageLine.Compacted());
        assertEquals(0, book.snapshot().get("sess-u1").context());
    }

    @Test
    void codexSaysItsTotalsWindowAndQuotas() throws Exception {
        replay("codex-rollout.jsonl", true, "019a-usage-1");
        Usage u = book.snapshot().get("019a-usage-1");
        assertEquals("gpt-5-codex", u.model());
        assertEquals(30_800, u.context());
        assertEquals(272_000, u.window());
        assertEquals(11, u.contextPercent());
        assertEquals(50_000, u.sessionIn());
        assertEquals(3_000, u.sessionOut());
        // (50000 - 20000 cached) × 1.25 + 20000 × 0.125 + 3000 × 10, per million
        assertEquals(0.07, u.costUsd());
        assertEquals(new Usage.Quota(63.0, 300, 1_000_000 + 600_000), u.primary());
        assertEquals(20.5, u.secondary().usedPercent());
        assertEquals(10_080, u.secondary().windowMinutes());
        assertTrue(!u.warns());
    }

    @Test
    void aModelWithoutAPriceHasTokensOnlyAndTheUsersTableAddsOne() throws Exception {
        book.apply("t", new UsageLine.Turn("mock-model", 100, 0, 0, 10));
        assertNull(book.snapshot().get("t").costUsd(), "never a guessed price");
        assertEquals(0, book.snapshot().get("t").window());
        assertEquals(-1, book.snapshot().get("t").contextPercent());
        Path mine = tmp.resolve("usage-models.json");
        Files.writeString(
                mine,
                "{\"models\":[{\"prefix\":\"mock-\",\"window\":1000,\"price\":{\"input\":1,\"cachedInput\":1,\"output\":1}}]}");
        UsageBook priced = UsageBook.load(mine, log::add);
        priced.apply("t", new UsageLine.Turn("mock-model", 850, 0, 0, 10));
        assertEquals(85, priced.snapshot().get("t").contextPercent());
        assertTrue(priced.snapshot().get("t").warns(), "85% of the window: warn");
        assertEquals(0.0, priced.snapshot().get("t").costUsd());
    }

    @Test
    void claudesStatusLineSaysItsOwnCostContextAndWindow() throws Exception {
        // Recorded from Claude Code 2.1.328 (its statusLine command's stdin) after one turn against the mock model.
        String json = Files.readString(Path.of(
                UsageBookTest.class.getResource("/usage/claude-statusline.json").toURI()));
        String thread = Json.parse(json).path("session_id").asText();
        assertTrue(book.report(Json.parse(json), 1_000));
        Usage u = book.snapshot().get(thread);
        assertEquals("claude-opus-5-5", u.model());
        assertEquals(2_000, u.context(), "its current_usage: input + cache written + cache read");
        assertEquals(1_000_000, u.window());
        assertEquals(0.01, u.costUsd(), "Claude's own 0.0058, to the cent");
        assertEquals(2_000, u.sessionIn(), "its session totals");
        assertEquals(42, u.sessionOut());
        book.apply(thread, new UsageLine.Turn("claude-opus-5-5", 100, 0, 3_900, 50, "msg_2", 2_000));
        assertEquals(
                1_000_000,
                book.snapshot().get(thread).window(),
                "a later transcript line keeps the window Claude said");
    }

    @Test
    void aReportedCostWinsOverThePriceTable() throws Exception {
        replay("claude-session.jsonl", false, "sess-u1");
        assertEquals(0.15, book.snapshot().get("sess-u1").costUsd());
        assertTrue(book.report(
                Json.parse("{\"session_id\":\"sess-u1\",\"cost\":{\"total_cost_usd\":4.1},"
                        + "\"rate_limits\":{\"five_hour\":{\"used_percentage\":93.5,\"resets_at\":1800000000}}}"),
                1_000));
        Usage u = book.snapshot().get("sess-u1");
        assertEquals(4.1, u.costUsd());
        assertEquals(new Usage.Quota(93.5, 300, 1_800_000_000_000L), u.primary());
        assertTrue(u.warns(), "a quota window over 90%");
        assertEquals(20_005, u.context(), "the transcript's context stays: the report said none");
    }

    @Test
    void aStatusLineThatSaysNothingReadableChangesNothing() throws Exception {
        book.takeChanged();
        for (String bad : List.of(
                "[]",
                "{}",
                "{\"session_id\":\"s\"}",
                "{\"session_id\":\"s\",\"cost\":{\"total_cost_usd\":\"lots\"}}",
                "{\"session_id\":\"s\",\"cost\":{\"total_cost_usd\":-3},\"context_window\":{\"used_percentage\":900}}",
                "{\"session_id\":7,\"cost\":{\"total_cost_usd\":1}}")) {
            assertTrue(!book.report(Json.parse(bad), 1_000), bad);
        }
        assertTrue(!book.takeChanged());
        assertTrue(book.snapshot().isEmpty());
    }
}
