package dev.muxbar.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttachPlaceTest {

    /** Answers the looks in order (the last one again when they run out); time moves only by sleeps. */
    private static final class Script implements AttachPlace.Tmux {
        final Deque<List<String>> looks;
        final List<Long> sleeps = new ArrayList<>();
        long now;
        int taken;

        Script(List<List<String>> looks) {
            this.looks = new ArrayDeque<>(looks);
        }

        @Override
        public List<String> look() throws IOException {
            taken++;
            return looks.size() > 1 ? looks.poll() : looks.peek();
        }

        @Override
        public void sleep(long ms) {
            sleeps.add(ms);
            now += ms;
        }

        @Override
        public long nowMs() {
            return now;
        }
    }

    private static final List<String> TWO = List.of("$0 1 100 900 @0%0011 work", "$1 0 101 0 @1%1001 notes", "R");

    @Test
    void attachesOnceTwoLooksAgreeToTheFreeSession() throws Exception {
        Script s = new Script(List.of(List.of("$0 1 100 900 @0%0011 work", "R"), TWO, TWO));
        assertEquals(Optional.of("$1"), AttachPlace.await(s));
        assertEquals(3, s.taken, "a session appeared between the first two looks: a third one");
    }

    @Test
    void waitsOutARestoreButNotForever() throws Exception {
        List<String> restoring = List.of("$0 0 100 0 @0%0011 a", "R1");
        Script s = new Script(List.of(restoring));
        assertEquals(Optional.of("$0"), AttachPlace.await(s));
        assertEquals(
                true,
                s.now > AttachPlace.RESTORE_PATIENCE_MS && s.now < AttachPlace.RESTORE_PATIENCE_MS + 1_000,
                "gave up after the restore patience: " + s.now);
    }

    @Test
    void aServerThatNeverSettlesGetsItsAttachAfterThePatience() throws Exception {
        List<List<String>> changing = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            changing.add(List.of("$" + i + " 0 100 0 @0%0011 s" + i, "R"));
        }
        Script s = new Script(changing);
        AttachPlace.await(s);
        assertEquals(
                true, s.now > AttachPlace.PATIENCE_MS && s.now < AttachPlace.PATIENCE_MS + 1_000, "waited " + s.now);
    }

    @Test
    void everySessionWithAUserLeavesTheChoiceToTmux() throws Exception {
        assertEquals(
                Optional.empty(), AttachPlace.await(new Script(List.of(List.of("$0 2 100 900 @0%0011 work", "R")))));
    }

    @Test
    void aNameWithSpacesStaysOneSession() {
        assertEquals(
                List.of(new dev.muxbar.model.Seat.Candidate("$4", 0, 7, 9)),
                AttachPlace.candidates(List.of("$4 0 7 9 @2%5010 a name with spaces", "R", "junk")));
    }
}
