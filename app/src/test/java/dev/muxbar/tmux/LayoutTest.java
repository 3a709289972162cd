package dev.muxbar.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayoutTest {

    // tmux 3.3a: a 30-column sidebar (%2) split with -f -hb left of two stacked panes; and after kill-pane.
    static final String WITH = "90b6,160x40,0,0{30x40,0,0,2,129x40,31,0[129x20,31,0,0,129x19,31,21,1]}";
    static final String WITHOUT = "fcea,160x40,0,0[160x20,0,0,0,160x19,0,21,1]";

    @Test
    void parsesDumpsAndLists() {
        assertEquals(WITH, Layout.parse(WITH).dump());
        assertEquals(List.of(2, 0, 1), Layout.parse(WITH).panes());
    }

    @Test
    void withoutTheSidebarItsColumnsGoToTheNeighbour() {
        Layout l = Layout.parse(WITH).without(2);
        assertEquals(WITHOUT, l.dump());
        assertEquals(List.of(0, 1), l.panes());
        assertEquals(l, l.without(42), "a pane not in it changes nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "160x40,0,0,1", "0000,160x40,0,0,1", "fcea,160x40,0,0[160x20,0,0,0,160x19,0,21,1]x", "zzzz,160x40", "b25d,160x40,0,0{1", "x,1x1,0,0,1"})
    void refusesWhatIsNotALayout(String bad) {
        assertThrows(IllegalArgumentException.class, () -> Layout.parse(bad));
    }
}
