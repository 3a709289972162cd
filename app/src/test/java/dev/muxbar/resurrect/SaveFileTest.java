package dev.muxbar.resurrect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.tmux.Layout;
import dev.muxbar.tmux.PanePlaces.Place;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaveFileTest {

    // As resurrect's save.sh writes it (fields joined by tabs); window 1 of "work" holds sidebar %2
    // (index 0, active) left of two stacked panes %0 and %1; window 2 has no sidebar.
    private static final String SAVED = String.join(
            "\n",
            "pane\twork\t1\t1\t:*\t0\tbox\t:/home/u\t1\tsleep\t:/opt/muxbar/scripts/sidebar-pane",
            "pane\twork\t1\t1\t:*\t1\tbox\t:/home/u/src\t0\tless\t:less README",
            "pane\twork\t1\t1\t:*\t2\tbox\t:/home/u/src\t0\tbash\t:",
            "pane\twork\t2\t0\t:-\t0\tbox\t:/tmp\t1\tbash\t:",
            "window\twork\t1\t:src\t1\t:*\t90b6,160x40,0,0{30x40,0,0,2,129x40,31,0[129x20,31,0,0,129x19,31,21,1]}\t:",
            "window\twork\t2\t:tmp\t0\t:-\t4d62,160x40,0,0,3\t:",
            "state\twork\twork",
            "");

    private static final List<Place> LIVE = List.of(
            new Place("work", "1", "0", 2, true), new Place("work", "1", "1", 0, false),
            new Place("work", "1", "2", 1, false), new Place("work", "2", "0", 3, false));

    @Test
    void dropsTheSidebarRenumbersThePanesAndGivesItsColumnsBack() {
        SaveFile.Stripped s = SaveFile.strip(SAVED, LIVE);
        assertEquals(
                String.join(
                        "\n",
                        "pane\twork\t1\t1\t:*\t0\tbox\t:/home/u/src\t1\tless\t:less README",
                        "pane\twork\t1\t1\t:*\t1\tbox\t:/home/u/src\t0\tbash\t:",
                        "pane\twork\t2\t0\t:-\t0\tbox\t:/tmp\t1\tbash\t:",
                        "window\twork\t1\t:src\t1\t:*\tfcea,160x40,0,0[160x20,0,0,0,160x19,0,21,1]\t:",
                        "window\twork\t2\t:tmp\t0\t:-\t4d62,160x40,0,0,3\t:",
                        "state\twork\twork",
                        ""),
                s.text());
        assertEquals(
                List.of(new SaveFile.Move("work", "1", "1", "0"), new SaveFile.Move("work", "1", "2", "1")), s.moves());
        assertEquals(1, s.dropped().size());
    }

    /** Panes side by side keep their proportions in the saved layout (kill-pane would give one all the columns). */
    @Test
    void panesSideBySideAreScaledToTheWholeWindow() {
        String with = sideBySide(200, new int[] {30, 5}, new int[] {84, 0}, new int[] {84, 1});
        String saved = String.join(
                "\n",
                "pane\tw\t0\t1\t:*\t0\tbox\t:/\t1\tsleep\t:/opt/muxbar/scripts/sidebar-pane",
                "pane\tw\t0\t1\t:*\t1\tbox\t:/\t0\tbash\t:",
                "pane\tw\t0\t1\t:*\t2\tbox\t:/\t0\tbash\t:",
                "window\tw\t0\t:x\t1\t:*\t" + with + "\t:",
                "");
        List<Place> live = List.of(
                new Place("w", "0", "0", 5, true),
                new Place("w", "0", "1", 0, false),
                new Place("w", "0", "2", 1, false));
        String text = SaveFile.strip(saved, live).text();
        String expected = sideBySide(200, new int[] {100, 0}, new int[] {99, 1});
        assertEquals(true, text.contains("\t" + expected + "\t"), text);
    }

    /** A window of {@code width}×40 with panes side by side: {width, pane number} each. */
    private static String sideBySide(int width, int[]... panes) {
        List<Layout> cells = new java.util.ArrayList<>();
        int x = 0;
        for (int[] p : panes) {
            cells.add(new Layout(p[0], 40, x, 0, Layout.Kind.PANE, p[1], List.of()));
            x += p[0] + 1;
        }
        return new Layout(width, 40, 0, 0, Layout.Kind.SIDE_BY_SIDE, -1, cells).dump();
    }

    @Test
    void aFileWithoutSidebarsIsKeptByteForByte() {
        List<Place> none = LIVE.stream()
                .map(p -> new Place(p.session(), p.window(), p.index(), p.pane(), false))
                .toList();
        assertEquals(SAVED, SaveFile.strip(SAVED, none).text());
        String odd = "pane\tx\n\tgarbage\t\t\nwindow\n";
        assertEquals(odd, SaveFile.strip(odd, LIVE).text(), "lines it cannot read stay as they are");
    }

    @Test
    void aLayoutThatDoesNotParseStaysAndTheSidebarGoesAllTheSame() {
        String bad = SAVED.replace("90b6,", "0000,");
        SaveFile.Stripped s = SaveFile.strip(bad, LIVE);
        assertEquals(
                2, s.text().lines().filter(l -> l.startsWith("pane\twork\t1\t")).count());
        assertEquals(true, s.text().contains("0000,160x40"));
    }
}
