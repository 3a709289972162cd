package dev.muxbar.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeStoreTest {

    @Test
    void picksRoundTripAndTheOptionWinsWhenItChanged(@TempDir Path dir) throws Exception {
        ThemeStore store = new ThemeStore(dir.resolve("theme.json"), m -> {});
        store.save(ThemeSlot.FIXED, "nord", "");
        assertEquals("nord", store.resolve(ThemeSlot.FIXED, "", "default"));
        assertEquals(
                "dracula",
                store.resolve(ThemeSlot.FIXED, "dracula", "default"),
                "the user wrote another theme into the config");
    }

    @Test
    void anUnreadableFileIsKeptAsideOnceAndCountsAsNoPick(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("theme.json");
        Files.writeString(f, "[1, 2");
        List<String> log = new ArrayList<>();
        ThemeStore store = new ThemeStore(f, log::add);
        assertEquals("default", store.resolve(ThemeSlot.FIXED, "", "default"));
        assertEquals("default", store.resolve(ThemeSlot.DARK, "", "default"));
        assertEquals(1, log.size(), "one line: " + log);
        assertTrue(log.get(0).contains("kept it as theme.json.corrupt-"), log.get(0));
        try (var files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("theme.json.corrupt-"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("[1, 2", Files.readString(aside));
        }
        store.save(ThemeSlot.FIXED, "nord", "");
        assertEquals("nord", store.resolve(ThemeSlot.FIXED, "", "default"));
    }
}
