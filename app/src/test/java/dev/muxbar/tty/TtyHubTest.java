package dev.muxbar.tty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hub against real pseudo-terminals: input, output, a tty that stops draining, a tty that goes. */
class TtyHubTest {

    private TtyHub hub;
    private final List<Pty> ptys = new ArrayList<>();

    /** Records what the hub says about one tty. */
    static final class Seen implements TtyHub.Listener {
        final ByteArrayOutputStream input = new ByteArrayOutputStream();
        final AtomicInteger drained = new AtomicInteger();
        final AtomicInteger gone = new AtomicInteger();
        final CountDownLatch goneLatch = new CountDownLatch(1);

        @Override
        public synchronized void onInput(byte[] bytes, int length) {
            input.write(bytes, 0, length);
        }

        synchronized String text() {
            return input.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void onDrained() {
            drained.incrementAndGet();
        }

        @Override
        public void onGone() {
            gone.incrementAndGet();
            goneLatch.countDown();
        }
    }

    @BeforeEach
    void start() throws Exception {
        hub = new TtyHub("test-tty-hub");
    }

    @AfterEach
    void stop() {
        hub.close();
        ptys.forEach(Pty::close);
    }

    private Pty pty() throws Exception {
        Pty p = new Pty();
        ptys.add(p);
        return p;
    }

    /** A new pty whose slave the hub polls, and what the hub tells about it. */
    private record Opened(Pty pty, Seen seen, TtyHub.Tty tty) {}

    private Opened opened() throws Exception {
        Pty p = pty();
        Seen s = new Seen();
        return new Opened(p, s, hub.open(p.slave, s));
    }

    private static void until(String what, BooleanSupplier ok, java.util.function.Supplier<String> seen)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; saw: " + seen.get());
            }
            Thread.sleep(2);
        }
    }

    @Test
    void bytesTypedOnEveryTtyReachTheirOwnListener() throws Exception {
        Opened a = opened();
        Opened b = opened();
        Seen sa = a.seen();
        Seen sb = b.seen();
        a.pty().type("j\u001b[A");
        b.pty().type("ké");
        until("a's bytes", () -> sa.text().equals("j\u001b[A"), sa::text);
        until("b's bytes", () -> sb.text().equals("ké"), sb::text);
        assertEquals(2, hub.size());
    }

    @Test
    void aWriteGoesOutWhole() throws Exception {
        Pty a = pty();
        TtyHub.Tty t = hub.open(a.slave, new Seen());
        assertTrue(t.write("\u001b[2Jframe".getBytes(StandardCharsets.UTF_8)));
        assertEquals("\u001b[2Jframe", new String(a.read(64), StandardCharsets.UTF_8));
    }

    /**
     * A terminal that stops reading: writes to its tty stop being taken, the rest waits without
     * blocking the writer, the other tty goes on, and when it reads again everything arrives in order.
     */
    @Test
    void aTtyThatStopsDrainingDelaysNobodyAndLosesNothing() throws Exception {
        Opened s = opened();
        Opened o = opened();
        Pty stuck = s.pty();
        Pty other = o.pty();
        Seen ss = s.seen();
        Seen so = o.seen();
        TtyHub.Tty ts = s.tty();
        TtyHub.Tty to = o.tty();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int rounds = 0;
        long t0 = System.nanoTime();
        // A pty takes some tens of KB before it is full, and may take a few KB more just after a
        // write found it full (the kernel moves its buffer on asynchronously, and the hub then
        // flushes). Write well past that, so the bytes left pending cannot all have gone.
        int farPastFull = 256 * 1024;
        while (ts.pendingBytes() < farPastFull && rounds < 1000) {
            java.util.Arrays.fill(chunk, (byte) ('a' + rounds % 26));
            ts.write(chunk);
            sent.write(chunk, 0, chunk.length);
            rounds++;
        }
        long writeMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ts.pendingBytes() > 0, "the pty never filled up: " + sent.size() + " bytes all taken");
        assertTrue(writeMs < 1000, "writing to a full tty blocked for " + writeMs + " ms");
        // the other tty still works both ways
        assertTrue(to.write("hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals("hello", new String(other.read(16), StandardCharsets.UTF_8));
        other.type("x");
        until("the other tty's key", () -> so.text().equals("x"), so::text);
        // the stuck terminal reads again: all bytes, in order, then onDrained
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (got.size() < sent.size()) {
            got.write(stuck.read(65536));
        }
        assertArrayEquals(sent.toByteArray(), got.toByteArray());
        until("drained", () -> ss.drained.get() > 0 && ts.pendingBytes() == 0, () -> ts.pendingBytes() + " pending");
    }

    @Test
    void aTtyWhoseTerminalWentIsReportedGoneOnce() throws Exception {
        Pty a = pty();
        Seen s = new Seen();
        hub.open(a.slave, s);
        a.close(); // as when tmux kills the pane
        assertTrue(s.goneLatch.await(5, TimeUnit.SECONDS), "never reported gone");
        until("dropped from the poll set", () -> hub.size() == 0, () -> hub.size() + " polled");
        assertEquals(1, s.gone.get());
    }

    @Test
    void aClosedTtyIsDroppedAndWritesNothing() throws Exception {
        Pty a = pty();
        Seen s = new Seen();
        TtyHub.Tty t = hub.open(a.slave, s);
        until("polled", () -> hub.size() == 1, () -> hub.size() + " polled");
        t.close();
        assertTrue(s.goneLatch.await(5, TimeUnit.SECONDS), "closing never finished");
        assertFalse(t.write("late".getBytes(StandardCharsets.UTF_8)));
        // the count of polled ttys is updated after the listener heard onGone, in the same pass
        until("dropped from the poll set", () -> hub.size() == 0, () -> hub.size() + " polled");
    }

    @Test
    void aPathThatIsNoTtyIsAnError() {
        org.junit.jupiter.api.Assertions.assertThrows(
                java.io.IOException.class, () -> hub.open("/nonexistent/tty", new Seen()));
    }
}
