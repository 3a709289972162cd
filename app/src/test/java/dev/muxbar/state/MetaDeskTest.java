package dev.muxbar.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Meta;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetaDeskTest {

    private final ManualScheduler clock = new ManualScheduler();
    private int changes;
    private final MetaDesk desk = new MetaDesk(clock, () -> changes++);

    @Test
    void partsExpireOnTheirOwnTheLogIsBoundedAndGoneSessionsGo() {
        desk.apply("$1", new Event.MetaChange.Status("tests green", Meta.Tone.OK, 1_000));
        desk.apply("$1", new Event.MetaChange.Progress(3, 8, 5_000));
        for (int i = 0; i < 25; i++) {
            desk.apply("$1", new Event.MetaChange.Log("line " + i, Meta.Tone.INFO, 10_000));
        }
        Meta m = desk.meta().get("$1");
        assertEquals(Meta.LOG_LINES, m.log().size(), "the oldest lines went");
        assertEquals("line 24", m.log().get(Meta.LOG_LINES - 1).text());
        assertEquals(38, m.progress().percent());
        int before = changes;
        clock.advance(1_000);
        assertNull(desk.meta().get("$1").status(), "the status expired");
        assertTrue(changes > before, "and the model is told");
        clock.advance(4_000);
        assertNull(desk.meta().get("$1").progress());
        clock.advance(5_000);
        assertNull(desk.meta().get("$1"), "all expired: nothing kept");
        desk.apply("$2", new Event.MetaChange.Status("deploying", Meta.Tone.WARN, 60_000));
        desk.retain(Set.of("$1"));
        assertNull(desk.meta().get("$2"), "a session that went takes its meta along");
        desk.apply("$1", new Event.MetaChange.Status("x", Meta.Tone.INFO, 60_000));
        desk.apply("$1", new Event.MetaChange.Clear());
        assertNull(desk.meta().get("$1"));
    }
}
