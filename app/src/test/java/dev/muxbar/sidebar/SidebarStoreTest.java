package dev.muxbar.sidebar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Choices;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.testing.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidebarStoreTest {

    @Test
    void choicesRoundTripAndOnlyTheKeptWidthIsSaved(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sidebar.json");
        SidebarStore store = new SidebarStore(f, m -> {});
        store.load(Choices.DEFAULT);
        Snapshot s = Snapshots.of(1, 1, "$0", "a");
        store.accept(Model.of(s, OrderBook.EMPTY.reconcile(s), List.of(), java.util.Set.of(), Choices.DEFAULT));
        assertTrue(!Files.exists(f), "nothing changed: nothing written");
        store.accept(Model.of(
                s,
                OrderBook.EMPTY.reconcile(s),
                List.of(),
                java.util.Set.of(),
                Choices.DEFAULT.withSidebars(false).withWidth(41, true).withWidth(55, false)));
        Choices back = new SidebarStore(f, m -> {}).load(Choices.DEFAULT);
        assertEquals(false, back.sidebars());
        assertEquals(41, back.keptWidth(), "a live preview (55) is not saved");
        assertEquals(41, back.width());
    }

    @Test
    void anUnreadableFileIsKeptAsideWithOneLogLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sidebar.json");
        Files.writeString(f, "\"width\": 40");
        List<String> log = new ArrayList<>();
        assertEquals(Choices.DEFAULT, new SidebarStore(f, log::add).load(Choices.DEFAULT));
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("kept it as sidebar.json.corrupt-"), log.get(0));
        assertTrue(!Files.exists(f));
    }
}
