package dev.muxbar.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.tmux.FakeTmux;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlSeatTest {

    /** Sessions "$0".."$n-1" with the given user counts; the control client "client-9" sits in {@code own}. */
    private static Model model(String own, int... users) {
        List<Snapshot.Session> ss = new ArrayList<>();
        for (int i = 0; i < users.length; i++) {
            ss.add(new Snapshot.Session("$" + i, "s" + i, i, users[i], List.of()));
        }
        Snapshot s = new Snapshot(new Snapshot.ServerInfo(1, 2, "3.3a", "client-9", own), ss, List.of());
        return Model.of(s, OrderBook.EMPTY.reconcile(s));
    }

    @Test
    void leavesASessionAUserArrivesInForTheFirstOneNobodyUses() {
        FakeTmux tmux = new FakeTmux();
        ControlSeat seat = new ControlSeat(tmux, m -> {});
        seat.accept(model("$0", 0, 1, 0));
        assertEquals(List.of(), tmux.commands, "nobody else is in $0: it stays");
        seat.accept(model("$0", 1, 1, 0));
        assertEquals(List.of("switch-client -c 'client-9' -t '$2'"), tmux.commands);
        seat.accept(model("$0", 1, 1, 0)); // the move's refresh has not come yet
        assertEquals(1, tmux.commands.size(), "one move per target");
    }

    @Test
    void staysWhenEverySessionHasAUserAndMovesOnceOneIsFree() {
        FakeTmux tmux = new FakeTmux();
        ControlSeat seat = new ControlSeat(tmux, m -> {});
        seat.accept(model("$0", 1));
        seat.accept(model("$1", 1, 2));
        assertEquals(List.of(), tmux.commands, "no session without users: nothing to gain");
        seat.accept(model("$1", 1, 1, 0));
        assertEquals(List.of("switch-client -c 'client-9' -t '$2'"), tmux.commands);
        seat.accept(model("$2", 1, 1, 0));
        seat.accept(model("$2", 1, 1, 1)); // a user followed it there; $2 is the only... none free
        seat.accept(model("$2", 0, 1, 1)); // $0 freed
        assertEquals(
                List.of("switch-client -c 'client-9' -t '$2'", "switch-client -c 'client-9' -t '$0'"), tmux.commands);
    }

    @Test
    void anUnknownSeatMovesNothing() {
        FakeTmux tmux = new FakeTmux();
        new ControlSeat(tmux, m -> {}).accept(model("", 1, 0));
        assertEquals(List.of(), tmux.commands);
    }
}
