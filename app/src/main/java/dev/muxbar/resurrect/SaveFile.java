package dev.muxbar.resurrect;

import dev.muxbar.tmux.Layout;
import dev.muxbar.tmux.PanePlaces.Place;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tmux-resurrect save file without muxbar's sidebars, so a restore gives back the user's panes
 * as they would be without muxbar. Lines are tab-separated (resurrect's save.sh):
 *
 * <pre>
 * pane	work	1	1	:*	0	title	:/home/u	0	sleep	:/opt/muxbar/scripts/sidebar-pane
 * pane	work	1	1	:*	1	title	:/home/u/src	1	less	:less README
 * window	work	1	:src	1	:*	90b6,160x40,0,0{30x40,0,0,2,129x40,31,0,0}	:
 * </pre>
 *
 * In each window that held a sidebar: the sidebar's pane line is dropped, the other panes are
 * numbered again from the window's first index in their order (resurrect recreates panes by
 * index), a sidebar that was the active pane hands that to the first remaining pane, and the
 * window's layout loses the sidebar's cell, the user's panes scaled to the whole window
 * ({@link Layout#withoutEdge}): a restore without muxbar keeps their proportions, and with muxbar
 * the sidebar coming back gives them their sizes exactly (a sidebar not at an edge is removed as
 * tmux's kill-pane would, {@link Layout#without}).
 * Other lines are kept byte for byte. A window made only of sidebars, and a layout that does not
 * parse, are left as they were.
 */
public final class SaveFile {
    private SaveFile() {}

    /** A pane that moved: resurrect's {@code session:window.index} before and after. */
    public record Move(String session, String window, String from, String to) {}

    /** The new text; the panes renumbered; the sidebars dropped (as session, window, index). */
    public record Stripped(String text, List<Move> moves, List<Place> dropped) {}

    private static final int P_SESSION = 1, P_WINDOW = 2, P_INDEX = 5, P_ACTIVE = 8;
    private static final int W_SESSION = 1, W_WINDOW = 2, W_LAYOUT = 6;

    public static Stripped strip(String text, List<Place> live) {
        Map<String, List<Place>> sidebars = new LinkedHashMap<>();
        for (Place p : live) {
            if (p.sidebar()) {
                sidebars.computeIfAbsent(key(p.session(), p.window()), k -> new ArrayList<>())
                        .add(p);
            }
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Map<String, List<Integer>> paneLines = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f[0].equals("pane") && f.length > P_ACTIVE && sidebars.containsKey(key(f[P_SESSION], f[P_WINDOW]))) {
                paneLines
                        .computeIfAbsent(key(f[P_SESSION], f[P_WINDOW]), k -> new ArrayList<>())
                        .add(i);
            }
        }
        List<Move> moves = new ArrayList<>();
        List<Place> dropped = new ArrayList<>();
        List<Integer> remove = new ArrayList<>();
        Map<String, Layout> layouts = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : paneLines.entrySet()) {
            List<Place> gone = sidebars.get(e.getKey());
            List<Integer> at = new ArrayList<>(e.getValue());
            at.sort(Comparator.comparingLong(i -> number(field(lines.get(i), P_INDEX))));
            List<Integer> kept =
                    at.stream().filter(i -> !isSidebar(lines.get(i), gone)).toList();
            if (kept.isEmpty() || kept.size() == at.size()) {
                continue; // only sidebars (nothing of the user's to keep), or none saved here
            }
            long base = number(field(lines.get(at.get(0)), P_INDEX));
            boolean activeGone = false;
            for (int i : at) {
                if (isSidebar(lines.get(i), gone)) {
                    activeGone |= field(lines.get(i), P_ACTIVE).equals("1");
                    remove.add(i);
                    String[] f = lines.get(i).split("\t", -1);
                    dropped.add(new Place(f[P_SESSION], f[P_WINDOW], f[P_INDEX], -1, true));
                }
            }
            for (int k = 0; k < kept.size(); k++) {
                int i = kept.get(k);
                String[] f = lines.get(i).split("\t", -1);
                String to = String.valueOf(base + k);
                if (!to.equals(f[P_INDEX])) {
                    moves.add(new Move(f[P_SESSION], f[P_WINDOW], f[P_INDEX], to));
                    f[P_INDEX] = to;
                }
                if (activeGone && k == 0) {
                    f[P_ACTIVE] = "1";
                }
                lines.set(i, String.join("\t", f));
            }
            layouts.put(e.getKey(), null);
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f[0].equals("window") && f.length > W_LAYOUT && layouts.containsKey(key(f[W_SESSION], f[W_WINDOW]))) {
                try {
                    Layout l = Layout.parse(f[W_LAYOUT]);
                    for (Place p : sidebars.get(key(f[W_SESSION], f[W_WINDOW]))) {
                        Layout before = l;
                        l = l.withoutEdge(p.pane()).orElseGet(() -> before.without(p.pane()));
                    }
                    f[W_LAYOUT] = l.dump();
                    lines.set(i, String.join("\t", f));
                } catch (IllegalArgumentException bad) {
                    // resurrect's select-layout fails on it as it would have: the panes stay split evenly
                }
            }
        }
        remove.sort(Comparator.reverseOrder());
        for (int i : remove) {
            lines.remove(i);
        }
        return new Stripped(String.join("\n", lines), List.copyOf(moves), List.copyOf(dropped));
    }

    private static boolean isSidebar(String line, List<Place> sidebars) {
        String index = field(line, P_INDEX);
        return sidebars.stream().anyMatch(p -> p.index().equals(index));
    }

    private static String key(String session, String window) {
        return session + "\t" + window;
    }

    private static String field(String line, int n) {
        String[] f = line.split("\t", -1);
        return n < f.length ? f[n] : "";
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
