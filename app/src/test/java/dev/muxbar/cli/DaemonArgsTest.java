package dev.muxbar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonArgsTest {

    private static Optional<DaemonArgs> parse(String... args) {
        return DaemonArgs.parse(args);
    }

    @Test
    void theDaemonsOwnCommandLinesAreReadWithoutPicocli() {
        assertEquals(
                Optional.of(new DaemonArgs("/tmp/tmux-0/default", null)),
                parse("server", "--foreground", "-S", "/tmp/tmux-0/default"),
                "as scripts/ensure-daemon starts it");
        assertEquals(
                Optional.of(new DaemonArgs("/s p a c e/$x|y", null)),
                parse("server", "--foreground", "--socket", "/s p a c e/$x|y"),
                "a path is taken as it is");
        assertEquals(Optional.of(new DaemonArgs(null, "work")), parse("server", "-L", "work", "--foreground"));
        assertEquals(Optional.of(new DaemonArgs(null, null)), parse("server", "--foreground"), "$TMUX's server");
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        assertTrue(parse("server").isEmpty(), "background start: picocli's");
        assertTrue(parse("server", "-L", "work").isEmpty());
        assertTrue(parse("status", "--foreground").isEmpty());
        assertTrue(parse("server", "--foreground", "--help").isEmpty());
        assertTrue(parse("server", "--foreground", "-S").isEmpty(), "a missing value: picocli says so");
        assertTrue(parse("server", "--foreground", "--foreground").isEmpty());
        assertTrue(parse("server", "--foreground", "-L", "a", "-L", "b").isEmpty());
        assertTrue(parse("server", "--foreground", "--socket=/x").isEmpty(), "the = form: picocli's");
        assertTrue(parse().isEmpty());
    }

    @Test
    void theTargetIsTheOnePicocliWouldHaveFilledIn() {
        Target t = new DaemonArgs("/x/sock", null).target();
        assertEquals("/x/sock", t.socket);
        assertEquals(null, t.label);
    }
}
