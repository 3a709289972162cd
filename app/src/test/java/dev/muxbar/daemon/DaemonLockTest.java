package dev.muxbar.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonLockTest {

    @TempDir
    Path tmp;

    @Test
    void theLineHasPidAndStartTimeEvenWhenTheCommandNameHasSpacesAndParentheses() throws Exception {
        Path stat = tmp.resolve("stat");
        Files.writeString(stat, "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 1 2 3 4 5 6 7 8 20 0 30 0 987654 1 2\n");
        assertEquals("4242 987654\n", DaemonLock.line(4242, stat));
        assertEquals("7 -\n", DaemonLock.line(7, tmp.resolve("no-such-stat")), "no /proc: the scripts ask the socket");
    }

    @Test
    void theHolderWritesItsPidAndReleasesTheLockOnClose() throws Exception {
        // (A second daemon being refused is DaemonIT's: fcntl locks are per process.)
        Path file = tmp.resolve("daemon.lock");
        DaemonLock held = DaemonLock.acquire(file).orElseThrow();
        assertTrue(Files.readString(file).startsWith(ProcessHandle.current().pid() + " "), Files.readString(file));
        assertEquals(String.valueOf(ProcessHandle.current().pid()), DaemonLock.holder(file));
        held.close();
        DaemonLock.acquire(file).orElseThrow().close(); // released: it can be taken again
        assertEquals("?", DaemonLock.holder(tmp.resolve("none")));
    }
}
