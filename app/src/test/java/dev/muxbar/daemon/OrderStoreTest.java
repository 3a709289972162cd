package dev.muxbar.daemon;

import static dev.muxbar.testing.Snapshots.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.state.Model;
import dev.muxbar.state.OrderBook;
import dev.muxbar.state.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderStoreTest {

    @Test
    void roundTripsTheBookWithOddNames(@TempDir Path dir) {
        Path f = dir.resolve("sub/order.json");
        Snapshot s = of(1, 1, "$0", "alpha", "$1", "we\\tird|$\"q 名 😀");
        OrderBook b = OrderBook.EMPTY.reconcile(s).move(s, "$1", 1).hide(s, "$0");
        new OrderStore(f, m -> { }).accept(Model.of(s, b));
        assertEquals(b, new OrderStore(f, m -> { }).load());
    }

    @Test
    void aNeverCustomisedOrderWritesNoFile(@TempDir Path dir) {
        Path f = dir.resolve("order.json");
        Snapshot s = of(1, 1, "$0", "alpha");
        new OrderStore(f, m -> { }).accept(Model.of(s, OrderBook.EMPTY.reconcile(s)));
        assertTrue(!Files.exists(f));
    }

    @Test
    void aBrokenFileIsKeptAsideWithOneLogLineBeforeTheDefaultOrderIsWritten(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("order.json");
        Files.writeString(f, "{not json");
        List<String> log = new ArrayList<>();
        OrderStore store = new OrderStore(f, log::add);
        assertEquals(OrderBook.EMPTY, store.load());
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("kept it as order.json.corrupt-"), log.get(0));
        List<Path> aside;
        try (var files = Files.list(dir)) {
            aside = files.filter(p -> p.getFileName().toString().startsWith("order.json.corrupt-")).toList();
        }
        assertEquals(1, aside.size());
        assertEquals("{not json", Files.readString(aside.get(0)), "the user's bytes, unchanged");
        Snapshot s = of(1, 1, "$0", "alpha", "$1", "beta");
        store.accept(Model.of(s, OrderBook.EMPTY.reconcile(s).move(s, "$1", 1)));
        assertEquals("{not json", Files.readString(aside.get(0)), "a new order does not touch the kept file");
    }
}
