package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The real {@code /proc} reader against what the JDK says about the same processes. */
class ProcessesTest {

    private final Processes procs = Processes.system();

    @Test
    void startTimesAgreeWithTheJdkToASecond() throws Exception {
        assumeTrue(procs instanceof Processes.Proc, "Linux /proc only");
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            long jdk = child.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
            // Not on a terminal: no foreground group, so the process itself.
            long proc = procs.foregroundStartedAt(child.pid());
            assertTrue(Math.abs(proc - jdk) <= 1_500, "proc " + proc + " vs jdk " + jdk);
            assertEquals(0, procs.foregroundStartedAt(Long.MAX_VALUE), "no such process: unknown");
        } finally {
            child.destroy();
        }
    }

    @Test
    void commandLinesAndParents() throws Exception {
        assumeTrue(procs instanceof Processes.Proc, "Linux /proc only");
        Process child = new ProcessBuilder("sleep", "31").start();
        try {
            assertEquals("sleep 31", procs.commandLine(child.pid()));
            assertEquals(ProcessHandle.current().pid(), procs.parentOf(child.pid()));
            assertEquals(null, procs.commandLine(Long.MAX_VALUE));
        } finally {
            child.destroy();
        }
    }
}
