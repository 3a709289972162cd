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

    /**
     * The case a user met: 84/84 beside a 30-column sidebar in a 200-column window. Saved without the
     * sidebar, the panes keep their proportions (kill-pane gave 115/84), and the sidebar coming back
     * gives exactly 84/84 (tmux's own full-height split made it 97/71).
     */
    @Test
    void aSidebarGoesAndComesBackWithoutChangingThePanes() {
        Layout with = Layout.parse(dumped("200x40,0,0{30x40,0,0,5,84x40,31,0,0,84x40,116,0,1}"));
        Layout saved = with.withoutEdge(5).orElseThrow();
        assertEquals(dumped("200x40,0,0{100x40,0,0,0,99x40,101,0,1}"), saved.dump());
        assertEquals(with.dump(), saved.withEdge(false, 30, 5).orElseThrow().dump());
        assertEquals(java.util.Optional.empty(), with.withoutEdge(0), "not an edge cell");
        assertEquals(java.util.Optional.empty(), Layout.parse(WITHOUT).withoutEdge(0), "stacked at the top: no edge");
    }

    /** Random layouts of random sizes: a sidebar added to a layout and taken away again gives it back exactly. */
    @Test
    void aSidebarTakenAwayAndAddedAgainGivesEveryLayoutBackExactly() {
        java.util.Random random = new java.util.Random(26);
        int checked = 0;
        for (int round = 0; round < 5_000; round++) {
            int w = 40 + random.nextInt(260);
            int h = 10 + random.nextInt(70);
            int edge = 10 + random.nextInt(Math.min(60, w / 3));
            boolean right = random.nextBoolean();
            int[] next = {0};
            Layout content = randomCell(random, w - edge - 1, h, 3, next).placed(0, 0);
            Layout with = content.withEdge(right, edge, 999).orElse(null);
            // withEdge of the content at the narrower size: the window as the user sees it with a sidebar
            Layout window = content.kind() == Layout.Kind.SIDE_BY_SIDE
                    ? new Layout(w, h, 0, 0, Layout.Kind.SIDE_BY_SIDE, -1, withEdgeCell(content, right, edge))
                            .placed(0, 0)
                    : new Layout(
                                    w,
                                    h,
                                    0,
                                    0,
                                    Layout.Kind.SIDE_BY_SIDE,
                                    -1,
                                    right ? List.of(content, edgeCell(edge, h)) : List.of(edgeCell(edge, h), content))
                            .placed(0, 0);
            java.util.Optional<Layout> saved = window.withoutEdge(999);
            if (saved.isEmpty() || with == null) {
                continue; // too small to scale
            }
            assertEquals(
                    window.dump(),
                    saved.get().withEdge(right, edge, 999).orElseThrow().dump(),
                    "round " + round + ": " + window.dump());
            checked++;
        }
        assertEquals(true, checked > 4_000, "layouts checked: " + checked);
    }

    private static Layout edgeCell(int w, int h) {
        return new Layout(w, h, 0, 0, Layout.Kind.PANE, 999, List.of());
    }

    private static List<Layout> withEdgeCell(Layout sideBySide, boolean right, int edge) {
        List<Layout> kids = new java.util.ArrayList<>(sideBySide.children());
        kids.add(right ? kids.size() : 0, edgeCell(edge, sideBySide.height()));
        return kids;
    }

    /** A random cell of exactly w×h: a pane, or 2–4 children side by side or stacked, each at least 2 wide/high. */
    private static Layout randomCell(java.util.Random r, int w, int h, int depth, int[] next) {
        boolean across = r.nextBoolean();
        int room = across ? w : h;
        int n = 2 + r.nextInt(3);
        if (depth == 0 || r.nextInt(3) == 0 || room < n * 3) {
            return new Layout(w, h, 0, 0, Layout.Kind.PANE, next[0]++, List.of());
        }
        int inner = room - (n - 1);
        List<Layout> kids = new java.util.ArrayList<>();
        int left = inner;
        for (int i = 0; i < n; i++) {
            int size = i == n - 1 ? left : 2 + r.nextInt(Math.max(1, left - 2 * (n - i - 1) - 1));
            left -= size;
            kids.add(across ? randomCell(r, size, h, depth - 1, next) : randomCell(r, w, size, depth - 1, next));
        }
        return new Layout(w, h, 0, 0, across ? Layout.Kind.SIDE_BY_SIDE : Layout.Kind.STACKED, -1, kids);
    }

    private static String dumped(String body) {
        return String.format("%04x", Layout.checksum(body)) + "," + body;
    }

    @Test
    void withoutTheSidebarItsColumnsGoToTheNeighbour() {
        Layout l = Layout.parse(WITH).without(2);
        assertEquals(WITHOUT, l.dump());
        assertEquals(List.of(0, 1), l.panes());
        assertEquals(l, l.without(42), "a pane not in it changes nothing");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "160x40,0,0,1",
                "0000,160x40,0,0,1",
                "fcea,160x40,0,0[160x20,0,0,0,160x19,0,21,1]x",
                "zzzz,160x40",
                "b25d,160x40,0,0{1",
                "x,1x1,0,0,1"
            })
    void refusesWhatIsNotALayout(String bad) {
        assertThrows(IllegalArgumentException.class, () -> Layout.parse(bad));
    }
}
