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

    @Test
    void debugLinesAreWrittenOnlyWhileDebugging(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("daemon.log");
        DaemonLog log = new DaemonLog(f, 10_000);
        log.debug().accept("agent claude %1: running (hook)");
        log.accept("a problem");
        log.debugging(true);
        log.debug().accept("agent claude %1: waiting (hook)");
        String text = Files.readString(f);
        assertTrue(
                !text.contains("running (hook)") && text.contains("a problem") && text.contains("waiting (hook)"),
                text);
    }

    @Test
    void neverWritesThroughASymlink(@TempDir Path dir) throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "keep me");
        Path f = dir.resolve("daemon.log");
        Files.createSymbolicLink(f, victim);
        new DaemonLog(f, 10_000).accept("line");
        assertTrue(Files.readString(victim).equals("keep me"));
    }
}
