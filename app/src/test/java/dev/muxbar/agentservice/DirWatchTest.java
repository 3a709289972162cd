package dev.muxbar.agentservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirWatchTest {

    private static long watchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("muxbar-transcript-watch") && t.isAlive())
                .count();
    }

    @Test
    void aWriteWakesTheTailerAndNothingToWatchMeansNoThread(@TempDir Path dir) throws Exception {
        Semaphore woken = new Semaphore(0);
        long before = watchThreads();
        DirWatch w = new DirWatch(woken::release, m -> {});
        assertEquals(before, watchThreads(), "no thread until there is something to watch");
        w.watch(Set.of(dir, dir.resolve("not-yet")));
        assertEquals(1, w.size(), "only directories that exist");
        Files.writeString(dir.resolve("s1.jsonl"), "{}\n");
        assertTrue(woken.tryAcquire(5, TimeUnit.SECONDS), "woken by the write");
        w.watch(Set.of());
        assertEquals(0, w.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (watchThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(before, watchThreads(), "the thread ends with the last directory");
        w.close();
    }
}
