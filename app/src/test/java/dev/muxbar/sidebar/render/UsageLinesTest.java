package dev.muxbar.sidebar.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Usage;
import dev.muxbar.theme.Theme;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The header's day (today's cost, the tightest quota and when it resets) and the selected agent's figures. */
class UsageLinesTest {

    private static final long NOW = 1_764_932_400_000L; // 2025-12-05 11:00 UTC

    @Test
    void theDayShowsTodaysCostAndTheTightestQuotaWithItsReset() {
        Usage day = new Usage(
                "",
                0,
                0,
                0,
                0,
                0,
                0,
                4.1,
                new Usage.Quota(63, 300, NOW + 3 * 3600_000L + 30 * 60_000L),
                new Usage.Quota(20, 10_080, NOW + 3 * 86_400_000L));
        assertEquals(" $4.10 today · 5h 63% ↻14:30 ", UsageLines.day(day, NOW, ZoneOffset.UTC, 40));
        Usage weekly = new Usage("", 0, 0, 0, 0, 0, 0, 0.0, null, new Usage.Quota(91, 10_080, NOW + 3 * 86_400_000L));
        assertEquals(" 7d 91% ↻Mon ", UsageLines.day(weekly, NOW, ZoneOffset.UTC, 40), "no cost today: not shown");
        assertEquals(" $4.10 today · 5h 63% ", UsageLines.day(day, NOW, ZoneOffset.UTC, 30), "narrower: no reset");
        assertEquals(" $4.10 today ", UsageLines.day(day, NOW, ZoneOffset.UTC, 20), "narrower still: the cost");
        assertEquals("", UsageLines.day(day, NOW, ZoneOffset.UTC, 16), "too narrow: nothing rather than half");
        assertEquals("", UsageLines.day(null, NOW, ZoneOffset.UTC, 40));
    }

    @Test
    void theSelectedAgentShowsItsModelAContextBarAndItsTokens() {
        Theme t = Theme.builtIn("default");
        Usage u = new Usage("claude-opus-4-1", 124_000, 200_000, 124_000, 900, 1_830_000, 41_000, 1.2, null, null);
        List<Line> lines = UsageLines.agent(u, 40, t);
        String first = lines.get(0).text();
        String second = lines.get(1).text();
        assertTrue(first.startsWith("  ██████░░░░ 62% claude-opus-4-1"), first);
        assertTrue(second.startsWith("  124k/900 · Σ1.8M/41k $1.20"), second);
        Usage unpriced = new Usage("mock", 500, 0, 500, 5, 500, 5, null, null, null);
        assertTrue(UsageLines.agent(unpriced, 40, t).get(1).text().contains("tokens only"));
        assertEquals("950", UsageLines.tokens(950));
        assertEquals("1.5k", UsageLines.tokens(1_500));
        assertEquals("12k", UsageLines.tokens(12_345));
    }
}
