package dev.muxbar.sidebar.pane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.muxbar.state.ManualScheduler;
import dev.muxbar.testing.Poll;
import dev.muxbar.tty.Pty;
import dev.muxbar.tty.TtyHub;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One sidebar on a real pseudo-terminal: what it writes when it opens, and keys and clicks it reads. */
class SidebarPaneTest {

    private final TtyHub hub = new TtyHub("test-sidebar-pane");
    private final ExecutorService painters = Executors.newSingleThreadExecutor();
    private final ManualScheduler clock = new ManualScheduler();
    private final List<KeyStroke> keys = new CopyOnWriteArrayList<>();
    private final Pty pty = new Pty();
    private SidebarPane pane;

    SidebarPaneTest() throws Exception {}

    @AfterEach
    void stop() {
        if (pane != null) {
            pane.close();
        }
        hub.close();
        painters.shutdownNow();
        pty.close();
    }

    /** Reads what the sidebar wrote until it contains {@code wanted} (5 s at most). */
    private String readUntil(String wanted) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!seen.toString(StandardCharsets.UTF_8).contains(wanted)) {
            long left = deadline - System.nanoTime();
            assertTrue(
                    left > 0,
                    "waited 5 s for " + wanted.replace("\033", "ESC") + ", saw: "
                            + seen.toString(StandardCharsets.UTF_8).replace("\033", "ESC"));
            byte[] got;
            try {
                got = CompletableFuture.supplyAsync(() -> pty.read(4096)).get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                got = new byte[0];
            }
            seen.write(got, 0, got.length);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    private void untilKeys(int n) {
        Poll.until(5_000, () -> keys.size() >= n, n + " keys", keys::toString);
    }

    @Test
    void opensTheAlternateScreenAsksForClicksAndDecodesKeysAndClicksThatArriveLater() throws Exception {
        pane = new SidebarPane("%1", pty.slave, 30, 10, keys::add, () -> {}, hub, painters, clock);
        String start = readUntil("\033[?1000h");
        assertTrue(
                start.startsWith("\033[?1049h"),
                "the alternate screen first, then mouse reports: " + start.replace("\033", "ESC"));

        pty.type("j");
        untilKeys(1);
        assertEquals(new KeyStroke('j', false, false), keys.get(0));

        pty.type("\033[M !!"); // X10 mouse report: left button pressed at column 1, row 1
        untilKeys(2);
        assertTrue(
                keys.get(1) instanceof MouseAction m
                        && m.getActionType() == MouseActionType.CLICK_DOWN
                        && m.getButton() == 1
                        && m.getPosition().getColumn() == 0
                        && m.getPosition().getRow() == 0,
                "a click at 0,0: " + keys);

        pty.type("\033[A");
        untilKeys(3);
        assertEquals(KeyType.ArrowUp, keys.get(2).getKeyType());
    }
}
