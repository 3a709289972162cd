package dev.muxbar.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonLogTest {

    @Test
    void staysUnderTwiceTheCap(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("daemon.log");
        DaemonLog log = new DaemonLog(f, 10_000);
        for (int i = 0; i < 5_000; i++) {
            log.accept("line " + i + " with a\nnewline");
        }
        long total = Files.size(f) + Files.size(dir.resolve("daemon.log.1"));
        assertTrue(Files.size(f) <= 10_000 && total <= 20_000, "log size " + total);
        assertTrue(Files.readString(f).contains("line 4999 with a newline"), "newest line kept, on one line");
    }
}
