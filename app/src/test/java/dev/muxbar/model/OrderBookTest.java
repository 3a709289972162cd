package dev.muxbar.model;

import static dev.muxbar.testing.Snapshots.names;
import static dev.muxbar.testing.Snapshots.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBookTest {

    private final Snapshot abc = of(1, 100, "$0", "alpha", "$1", "beta", "$2", "gamma");

    @Test
    void withoutCustomOrderSessionsShowInCreationOrder() {
        Snapshot s = of(1, 100, "$2", "zeta", "$0", "alpha", "$1", "beta"); // tmux lists by name
        assertEquals(
                List.of("alpha", "beta", "zeta"),
                names(OrderBook.EMPTY.reconcile(s).ordered(s)));
    }

    @Test
    void moveThenNewSessionsAppend() {
        OrderBook b = OrderBook.EMPTY.reconcile(abc).move(abc, "$2", 1);
        assertEquals(List.of("gamma", "alpha", "beta"), names(b.ordered(abc)));
        Snapshot more = of(1, 100, "$0", "alpha", "$1", "beta", "$2", "gamma", "$3", "delta");
        assertEquals(
                List.of("gamma", "alpha", "beta", "delta"),
                names(b.reconcile(more).ordered(more)));
    }

    @Test
    void positionIsClamped() {
        OrderBook b = OrderBook.EMPTY.reconcile(abc).move(abc, "$0", 99);
        assertEquals(List.of("beta", "gamma", "alpha"), names(b.ordered(abc)));
        b = b.move(abc, "$0", 0);
        assertEquals(List.of("alpha", "beta", "gamma"), names(b.ordered(abc)));
    }

    @Test
    void renamedSessionKeepsItsPlace() {
        OrderBook b = OrderBook.EMPTY.reconcile(abc).move(abc, "$2", 1);
        Snapshot renamed = of(1, 100, "$0", "alpha", "$1", "beta", "$2", "GAMMA 2");
        b = b.reconcile(renamed);
        assertEquals(List.of("GAMMA 2", "alpha", "beta"), names(b.ordered(renamed)));
        assertEquals("GAMMA 2", b.custom().get(0).name(), "the stored name follows the rename");
    }

    @Test
    void killedSessionIsForgottenInTheSameServer() {
        OrderBook b = OrderBook.EMPTY.reconcile(abc).move(abc, "$2", 1);
        Snapshot killed = of(1, 100, "$0", "alpha", "$1", "beta");
        b = b.reconcile(killed);
        assertTrue(b.custom().stream().noneMatch(e -> e.name().equals("gamma")));
        // A new session of the same name is a new session: it is appended, not restored.
        Snapshot again = of(1, 100, "$0", "alpha", "$1", "beta", "$5", "gamma");
        assertEquals(List.of("alpha", "beta", "gamma"), names(b.reconcile(again).ordered(again)));
    }

    @Test
    void acrossATmuxRestartEntriesBindByName() {
        OrderBook b = OrderBook.EMPTY.reconcile(abc).move(abc, "$2", 1).hide(abc, "$1");
        // New server (other pid): ids mean other sessions now. "beta" is $0 there, "gamma" comes later.
        Snapshot restarted = of(2, 200, "$0", "beta", "$1", "alpha");
        b = b.reconcile(restarted);
        assertEquals(List.of("alpha"), names(b.ordered(restarted)), "beta stays hidden by name");
        Snapshot later = of(2, 200, "$0", "beta", "$1", "alpha", "$2", "gamma");
        b = b.reconcile(later);
        assertEquals(List.of("gamma", "alpha"), names(b.ordered(later)));
        assertEquals("$2", b.custom().get(0).id(), "bound to the new id");
    }

    @Test
    void hideAndUnhide() {
        OrderBook b = OrderBook.EMPTY.reconcile(abc).hide(abc, "$1");
        assertEquals(List.of("alpha", "gamma"), names(b.ordered(abc)));
        assertEquals(b, b.hide(abc, "$1"), "hiding twice changes nothing");
        b = b.unhide(abc, "$1");
        assertEquals(List.of("alpha", "beta", "gamma"), names(b.ordered(abc)));
    }

    @Test
    void unknownSessionsAreRejectedAndChangeNothing() {
        OrderBook b = OrderBook.EMPTY.reconcile(abc);
        assertThrows(IllegalArgumentException.class, () -> b.move(abc, "$9", 1));
        assertThrows(IllegalArgumentException.class, () -> b.hide(abc, "$9"));
        assertThrows(IllegalArgumentException.class, () -> b.unhide(abc, "nope"));
        OrderBook hidden = b.hide(abc, "$0");
        assertThrows(IllegalArgumentException.class, () -> hidden.move(abc, "$0", 1), "hidden is not shown");
    }

    @Test
    void unboundEntriesAreCapped() {
        java.util.List<OrderBook.Entry> many = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(new OrderBook.Entry("", "gone-" + i));
        }
        OrderBook b = new OrderBook(9, 9, many, List.of()).reconcile(abc);
        assertEquals(OrderBook.MAX_UNBOUND, b.custom().size());
    }
}
