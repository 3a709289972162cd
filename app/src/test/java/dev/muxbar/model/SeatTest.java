package dev.muxbar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeatTest {

    /** Sessions "$0".."$n-1" created at 100+i; each given as users and last-attached time. */
    private static Snapshot snapshot(String own, long[]... usersAndLastAttached) {
        List<Snapshot.Session> ss = new ArrayList<>();
        for (int i = 0; i < usersAndLastAttached.length; i++) {
            long[] u = usersAndLastAttached[i];
            ss.add(new Snapshot.Session("$" + i, "s" + i, 100 + i, (int) u[0], u[1], List.of()));
        }
        return new Snapshot(new Snapshot.ServerInfo(1, 2, "3.3a", "client-9", own), ss, List.of());
    }

    private static long[] s(long users, long lastAttached) {
        return new long[] {users, lastAttached};
    }

    @Test
    void nextIsTheSessionWithoutUsersTouchedLeastRecently() {
        // $1 has a user; $2 was attached at 500 (a user just left it); $3 was made at 103 and never attached
        Seat seat = Seat.of(snapshot("$0", s(0, 400), s(1, 600), s(0, 500), s(0, 0)))
                .orElseThrow();
        assertEquals(new Seat("client-9", "$0", "$3", "$1"), seat);
    }

    @Test
    void aSessionJustMadeIsTheLastChoice() {
        // $1 was made at 101 and never attached; a script's session $2 was made "now" (created 102 > 101)
        List<Seat.Candidate> cs = List.of(
                new Seat.Candidate("$0", 1, 100, 900),
                new Seat.Candidate("$1", 0, 101, 0),
                new Seat.Candidate("$2", 0, 5_000, 0));
        assertEquals(Optional.of("$1"), Seat.choose(cs, ""));
        assertEquals(Optional.of("$2"), Seat.choose(cs, "$1"), "the only other place");
        assertEquals(
                Optional.empty(),
                Seat.choose(List.of(new Seat.Candidate("$0", 2, 1, 1)), ""),
                "no session without users");
    }

    @Test
    void itLeavesBeforeAUserArrivesOnlyWhereItSits() {
        Seat seat = new Seat("client-9", "$0", "$2", "$1");
        assertEquals(Optional.of("$2"), seat.leaveBefore("$0"));
        assertEquals(Optional.empty(), seat.leaveBefore("$1"));
        assertEquals(
                Optional.of("$1"),
                new Seat("client-9", "$0", "", "$1").leaveBefore("$0"),
                "no free session: to the one the user is leaving");
        assertEquals(Optional.empty(), new Seat("client-9", "$0", "", "").leaveBefore("$0"), "nowhere to go");
    }

    /** Two sessions, one user: the key to the seat moves the control client to where the user comes from. */
    @Test
    void withoutAFreeSessionItGoesWhereTheUserWasLast() {
        Seat seat = Seat.of(snapshot("$1", s(1, 700), s(0, 300))).orElseThrow();
        assertEquals(new Seat("client-9", "$1", "", "$0"), seat);
        Seat two = Seat.of(snapshot("$2", s(1, 700), s(1, 900), s(0, 0), s(2, 950)))
                .orElseThrow();
        assertEquals("$1", two.vacated(), "of the sessions with one user, the one entered last");
        assertEquals(
                Optional.empty(),
                two.leaveNow(snapshot("$2", s(1, 700), s(1, 900), s(1, 0))),
                "it moves by itself only to a session without users");
    }

    @Test
    void itLeavesNowWhenAUserIsInItsSession() {
        assertEquals(
                Optional.empty(),
                Seat.of(snapshot("$0", s(0, 0), s(1, 0), s(0, 0)))
                        .orElseThrow()
                        .leaveNow(snapshot("$0", s(0, 0), s(1, 0), s(0, 0))));
        Snapshot entered = snapshot("$0", s(1, 0), s(1, 0), s(0, 0));
        assertEquals(Optional.of("$2"), Seat.of(entered).orElseThrow().leaveNow(entered));
        Snapshot full = snapshot("$0", s(1, 0), s(1, 0));
        assertEquals(Optional.empty(), Seat.of(full).orElseThrow().leaveNow(full), "every session has a user");
    }

    @Test
    void noSeatWhileTheControlClientIsUnknown() {
        assertEquals(Optional.empty(), Seat.of(snapshot("", s(0, 0))));
    }
}
