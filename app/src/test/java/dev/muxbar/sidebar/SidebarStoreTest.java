package dev.muxbar.sidebar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidebarStoreTest {

    @Test
    void settingsRoundTrip(@TempDir Path dir) throws Exception {
        SidebarStore store = new SidebarStore(dir.resolve("sidebar.json"), m -> { });
        store.save(new Planner.Settings(false, 41, true));
        Planner.Settings back = store.load(Planner.Settings.DEFAULT);
        assertEquals(false, back.enabled());
        assertEquals(41, back.width());
    }

    @Test
    void anUnreadableFileIsKeptAsideWithOneLogLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sidebar.json");
        Files.writeString(f, "\"width\": 40");
        List<String> log = new ArrayList<>();
        assertEquals(Planner.Settings.DEFAULT, new SidebarStore(f, log::add).load(Planner.Settings.DEFAULT));
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("kept it as sidebar.json.corrupt-"), log.get(0));
        assertTrue(!Files.exists(f));
    }
}
