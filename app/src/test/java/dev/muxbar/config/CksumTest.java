package dev.muxbar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CksumTest {

    /** Compares with the system's {@code cksum}, which the shell scripts use. */
    @Test
    void matchesPosixCksum() throws Exception {
        for (String s :
                new String[] {"", "a", "/tmp/tmux-0/default", "/very/long/päth with spaces/名/" + "x".repeat(200)}) {
            Process p = new ProcessBuilder("cksum").start();
            p.getOutputStream().write(s.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            assertEquals(Long.parseLong(out.split(" ")[0]), Cksum.of(s), "cksum of '" + s + "'");
        }
    }

    @Test
    void knownValue() {
        assertEquals(4294967295L, Cksum.of("")); // POSIX cksum of empty input
    }
}
