package dev.muxbar.daemon;

import static dev.muxbar.testing.Snapshots.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
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
        new OrderStore(f, m -> {}).accept(Model.of(s, b));
        assertEquals(b, new OrderStore(f, m -> {}).load());
    }

    @Test
    void aNeverCustomisedOrderWritesNoFile(@TempDir Path dir) {
        Path f = dir.resolve("order.json");
        Snapshot s = of(1, 1, "$0", "alpha");
        new OrderStore(f, m -> {}).accept(Model.of(s, OrderBook.EMPTY.reconcile(s)));
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
            aside = files.filter(p -> p.getFileName().toString().startsWith("order.json.corrupt-"))
                    .toList();
        }
        assertEquals(1, aside.size());
        assertEquals("{not json", Files.readString(aside.get(0)), "the user's bytes, unchanged");
        Snapshot s = of(1, 1, "$0", "alpha", "$1", "beta");
        store.accept(Model.of(s, OrderBook.EMPTY.reconcile(s).move(s, "$1", 1)));
        assertEquals("{not json", Files.readString(aside.get(0)), "a new order does not touch the kept file");
    }

    /** Whatever is in order.json, load gives a book (the saved one or, kept aside, the empty one). */
    @Test
    void anyFileContentLoadsOrIsKeptAside(@TempDir Path dir) throws Exception {
        Snapshot s = of(1, 1, "$0", "alpha", "$1", "be'ta|$");
        String good = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .build()
                .writeValueAsString(
                        OrderBook.EMPTY.reconcile(s).move(s, "$1", 1).hide(s, "$0"));
        dev.muxbar.testing.Fuzz f = dev.muxbar.testing.Fuzz.create();
        Path file = dir.resolve("order.json");
        for (int i = dev.muxbar.testing.Fuzz.iterations(1_000); i > 0; i--) {
            String input = f.mutate(good);
            Files.write(file, input.getBytes(java.nio.charset.StandardCharsets.UTF_8)); // a split surrogate becomes ?
            try {
                OrderBook b = new OrderStore(file, m -> {}).load();
                if (b == null || !Files.exists(file) && b != OrderBook.EMPTY) {
                    org.junit.jupiter.api.Assertions.fail(
                            "a book, and the empty one when the file was kept aside; " + f.replay(input));
                }
                b.reconcile(s); // and it is usable
            } catch (RuntimeException e) {
                org.junit.jupiter.api.Assertions.fail(e + "; " + f.replay(input), e);
            }
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
