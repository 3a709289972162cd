package dev.muxbar.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Choices;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.model.Usage;
import dev.muxbar.testing.Snapshots;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Usage on the stream when a figure changes (never else), and the status-line segment. */
class UsageEventsTest {

    private final Snapshot snap = Snapshots.of(1, 1, "$0", "a");
    private final Agent claude =
            new Agent("%1", "@0", "$0", "claude", "t1", Status.IDLE, Source.HOOK, 0, null, null, false, null, null);
    private final Agent codex =
            new Agent("%2", "@0", "$0", "codex", "t2", Status.IDLE, Source.HOOK, 0, null, null, false, null, null);

    private Model with(Map<String, Usage> usage) {
        return Model.of(
                snap,
                OrderBook.EMPTY.reconcile(snap),
                List.of(claude, codex),
                Set.of(),
                Choices.DEFAULT,
                Map.of(),
                List.of(),
                List.of(),
                Map.of(),
                usage);
    }

    private static Usage u(long context, Double cost, Usage.Quota q) {
        return new Usage("m", context, 200_000, context, 10, context, 10, cost, q, null);
    }

    @Test
    void aChangedFigureIsOneEventAnUnchangedOneNone() {
        Model before = with(Map.of("t1", u(100_000, 1.0, null)));
        assertEquals(List.of(), Changes.between(before, with(Map.of("t1", u(100_000, 1.0, null)))));
        List<Changes.Change> c = Changes.between(before, with(Map.of("t1", u(170_000, 1.5, null))));
        assertEquals(1, c.size(), c.toString());
        assertEquals("usage %1", c.get(0).key());
        assertTrue(c.get(0).json().contains("\"contextPercent\":85"), c.get(0).json());
    }

    @Test
    void theStatusSegmentHasTheFullestContextTheCostAndTheTightestQuota() {
        Usage.Quota q = new Usage.Quota(63.4, 300, 0);
        Model m = with(Map.of(
                "t1",
                u(164_000, 4.1, null),
                "t2",
                u(10_000, null, q),
                // as UsageBook publishes it: the day, with the tightest quota windows not yet reset
                Usage.DAY,
                new Usage("", 0, 0, 0, 0, 0, 0, 0.0, q, null)));
        assertEquals("ctx 82% · $4.10 · 5h 63%", StatusLine.usage(m));
        assertEquals("", StatusLine.usage(with(Map.of())));
    }
}
