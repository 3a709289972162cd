package dev.muxbar.theme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirWatcherTest {

    @TempDir
    Path tmp;

    @Test
    void aDirMadeAfterTheStartIsWatchedOnceItExists() throws Exception {
        Path dir = tmp.resolve("config/muxbar/themes"); // none of it exists yet
        AtomicInteger changes = new AtomicInteger();
        try (DirWatcher w = new DirWatcher(dir, n -> n.endsWith(".json"), changes::incrementAndGet)) {
            w.start("test-watch");
            Files.createDirectories(tmp.resolve("config")); // the watcher moves down one level at a time
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("mine.json"), "{}");
            Poll.until(5_000, () -> changes.get() >= 1, "a change seen in the new dir", () -> "changes=" + changes);
            int before = changes.get();
            Files.writeString(dir.resolve("mine.json"), "{\"name\":\"mine\"}");
            Poll.until(5_000, () -> changes.get() > before, "an edit seen", () -> "changes=" + changes);
            assertTrue(changes.get() > before);
        }
    }
}
