package dev.muxbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.agents.UsageLedger;
import dev.muxbar.model.Usage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /usage?since&by}: the days' rows summed by key; what {@code since} names; the tee's segment. */
class UsageRoutesTest {

    private static final LocalDate D1 = LocalDate.parse("2026-12-04");
    private static final LocalDate D2 = LocalDate.parse("2026-12-05");
    private static final List<UsageLedger.Row> ROWS = List.of(
            new UsageLedger.Row(D1, "aaaaaaaa-1", "claude-opus-4-1", "work", "claude", 1000, 10, 1.0),
            new UsageLedger.Row(D2, "aaaaaaaa-1", "claude-opus-4-1", "work", "claude", 2000, 20, 2.5),
            new UsageLedger.Row(D2, "bbbbbbbb-2", "gpt-5-codex", "api", "codex", 500, 5, 0.25),
            new UsageLedger.Row(D2, "cccccccc-3", "mock-model", "", "", 70, 7, null));

    private static JsonNode history(String by) throws Exception {
        return new ObjectMapper().readTree(UsageRoutes.history(D1, by, ROWS));
    }

    @Test
    void rowsAreSummedByTheKeyAskedFor() throws Exception {
        JsonNode byModel = history("model");
        assertEquals("claude-opus-4-1", byModel.path("rows").path(0).path("key").asText());
        assertEquals(3000, byModel.path("rows").path(0).path("in").asLong());
        assertEquals(3.5, byModel.path("rows").path(0).path("costUsd").asDouble());
        assertEquals(true, byModel.path("rows").path(2).path("costUsd").isNull(), "tokens only: no price known");
        assertEquals(3.75, byModel.path("costUsd").asDouble());
        assertEquals(1, byModel.path("unpriced").asInt());
        JsonNode byDay = history("day");
        assertEquals(List.of("2026-12-04", "2026-12-05"), keys(byDay));
        assertEquals(2.75, byDay.path("rows").path(1).path("costUsd").asDouble());
        assertEquals(List.of("work", "api", "(unknown)"), keys(history("session")));
        assertEquals(
                List.of("claude in work (aaaaaaaa)", "codex in api (bbbbbbbb)", "agent (cccccccc)"),
                keys(history("agent")));
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.path("rows").forEach(r -> out.add(r.path("key").asText()));
        return out;
    }

    @Test
    void sinceNamesAFirstDay() {
        Instant now = LocalDate.now(ZoneId.systemDefault())
                .atTime(12, 0)
                .atZone(ZoneId.systemDefault())
                .toInstant();
        UsageRoutes r = new UsageRoutes(null, null, Clock.fixed(now, ZoneId.of("UTC")));
        LocalDate today = LocalDate.ofInstant(now, ZoneId.systemDefault());
        assertEquals(today, r.since("today"));
        assertEquals(today, r.since("1d"));
        assertEquals(today.minusDays(6), r.since("7d"), "7 days: today and the 6 before");
        assertEquals(today.minusDays(1), r.since("24h"), "from the day 24 hours ago");
        assertEquals(LocalDate.parse("2026-11-01"), r.since("2026-11-01"));
        for (String bad : List.of("yesterday", "7w", "2026-13-01", "$(touch x)", "99999d")) {
            assertThrows(IllegalArgumentException.class, () -> r.since(bad), bad);
        }
    }

    @Test
    void theSegmentIsShortAndPlain() {
        Usage u = new Usage("m", 42_000, 100_000, 0, 0, 0, 0, 1.2, null, null);
        assertEquals("ctx 42% | $1.20", UsageRoutes.segment(u));
        assertEquals("", UsageRoutes.segment(new Usage("m", 0, 0, 0, 0, 0, 0, null, null, null)));
    }
}
