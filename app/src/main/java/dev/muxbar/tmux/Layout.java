package dev.muxbar.tmux;

import java.util.ArrayList;
import java.util.List;

/**
 * A tmux window layout ({@code #{window_layout}}, the argument of {@code select-layout}), parsed,
 * changed and written back with tmux's checksum. Wire form (tmux 3.3a, a sidebar of 30 columns
 * split with {@code -f -hb} left of two panes stacked):
 *
 * <pre>
 * 4e3b,160x40,0,0{30x40,0,0,5,129x40,31,0,[129x20,31,0,0,129x19,31,21,1]}
 * </pre>
 *
 * A cell is {@code WxH,X,Y} then either {@code ,PANE} (a pane's number, without {@code %}), or its
 * children in {@code {…}} (side by side) or {@code […]} (stacked); siblings are one column or row
 * apart (the border). The leading four hex digits are a checksum of the rest.
 */
public record Layout(int width, int height, int x, int y, Kind kind, int pane, List<Layout> children) {

    /** A pane; children side by side ({@code {}}); children stacked ({@code []}). */
    public enum Kind {
        PANE,
        SIDE_BY_SIDE,
        STACKED
    }

    public Layout {
        children = List.copyOf(children);
    }

    /** Parses a layout with its checksum; throws {@link IllegalArgumentException} on anything else. */
    public static Layout parse(String layout) {
        int comma = layout.indexOf(',');
        if (comma != 4) {
            throw new IllegalArgumentException("no checksum: " + layout);
        }
        String body = layout.substring(5);
        if (!String.format("%04x", checksum(body)).equalsIgnoreCase(layout.substring(0, 4))) {
            throw new IllegalArgumentException("bad checksum: " + layout);
        }
        Cursor at = new Cursor();
        Layout cell = cell(body, at);
        if (at.pos != body.length()) {
            throw new IllegalArgumentException("trailing text at " + at.pos + ": " + layout);
        }
        return cell;
    }

    /** This layout as tmux writes it, checksum first. */
    public String dump() {
        StringBuilder out = new StringBuilder();
        append(out);
        return String.format("%04x", checksum(out.toString())) + "," + out;
    }

    /** Every pane number in tmux's order (the order {@code select-layout} gives cells to panes). */
    public List<Integer> panes() {
        List<Integer> out = new ArrayList<>();
        collect(out);
        return out;
    }

    /**
     * This layout without pane {@code pane}, as tmux's kill-pane leaves it: the cell's space, border
     * included, goes to the next sibling if it was the first, else to the previous one; a sibling
     * holding cells along the same axis shares it out one column (row) at a time from its first
     * child; a container left with one child becomes that child; offsets follow the sizes. The
     * layout itself when the pane is not in it.
     */
    public Layout without(int pane) {
        return removed(pane).placed(x, y);
    }

    private Layout removed(int pane) {
        if (kind == Kind.PANE) {
            return this;
        }
        List<Layout> kids = new ArrayList<>(children);
        for (int i = 0; i < kids.size(); i++) {
            Layout c = kids.get(i);
            if (c.kind == Kind.PANE && c.pane == pane && kids.size() > 1) {
                boolean sideBySide = kind == Kind.SIDE_BY_SIDE;
                int freed = (sideBySide ? c.width : c.height) + 1;
                kids.remove(i);
                int to = i == 0 ? 0 : i - 1;
                kids.set(to, kids.get(to).grown(sideBySide, freed));
                return kids.size() == 1 ? kids.get(0) : new Layout(width, height, x, y, kind, -1, kids);
            }
            kids.set(i, c.removed(pane));
        }
        return new Layout(width, height, x, y, kind, -1, kids);
    }

    /**
     * This window layout (the user's panes, at the window's size) with a full-height edge cell of
     * {@code edgeWidth} columns for pane {@code edgePane} at the left (right with {@code right}), the
     * rest {@link #scaled} into the remaining columns; side by side panes at the top stay siblings of
     * the edge cell, as tmux's {@code split-window -f -h} leaves them. Empty when the panes do not fit.
     */
    public java.util.Optional<Layout> withEdge(boolean right, int edgeWidth, int edgePane) {
        int rest = width - edgeWidth - 1;
        Layout content = rest < 1 ? null : scaled(rest, height);
        if (content == null) {
            return java.util.Optional.empty();
        }
        List<Layout> kids = new ArrayList<>(kind == Kind.SIDE_BY_SIDE ? content.children : List.of(content));
        kids.add(right ? kids.size() : 0, new Layout(edgeWidth, height, 0, 0, Kind.PANE, edgePane, List.of()));
        return java.util.Optional.of(new Layout(width, height, 0, 0, Kind.SIDE_BY_SIDE, -1, kids).placed(0, 0));
    }

    /**
     * This window layout without the edge cell of pane {@code pane} (the first or last of the
     * top-level cells side by side), the rest {@link #scaled} to the whole window: the inverse of
     * {@link #withEdge}, exactly. Empty when the pane is not such an edge cell.
     */
    public java.util.Optional<Layout> withoutEdge(int pane) {
        if (kind != Kind.SIDE_BY_SIDE || children.size() < 2) {
            return java.util.Optional.empty();
        }
        int at = children.get(0).isPane(pane)
                ? 0
                : children.get(children.size() - 1).isPane(pane) ? children.size() - 1 : -1;
        if (at < 0) {
            return java.util.Optional.empty();
        }
        List<Layout> kids = new ArrayList<>(children);
        Layout edge = kids.remove(at);
        Layout rest = kids.size() == 1
                ? kids.get(0)
                : new Layout(width - edge.width - 1, height, 0, 0, Kind.SIDE_BY_SIDE, -1, kids);
        return java.util.Optional.ofNullable(rest.scaled(width, height)).map(l -> l.placed(0, 0));
    }

    private boolean isPane(int p) {
        return kind == Kind.PANE && pane == p;
    }

    /**
     * This cell at {@code w}×{@code h}: along its axis each child but the last gets its share
     * rounded half up and the last what is left; across it, every child gets the new size; inside,
     * each child likewise. Scaling up and then down gives every cell its size back exactly: a step up
     * is off by under half a cell, and the step down shrinks that error below half again. That is what
     * lets a sidebar come and go (saved by tmux-resurrect, toggled) without changing the user's panes.
     * Null when a cell would get no column or row.
     */
    public Layout scaled(int w, int h) {
        if (kind == Kind.PANE) {
            return new Layout(w, h, x, y, kind, pane, List.of());
        }
        boolean across = kind == Kind.SIDE_BY_SIDE;
        int n = children.size();
        long oldInner = 0;
        for (Layout c : children) {
            oldInner += across ? c.width : c.height;
        }
        int newInner = (across ? w : h) - (n - 1);
        if (newInner < n || oldInner < 1) {
            return null;
        }
        List<Layout> kids = new ArrayList<>(n);
        int used = 0;
        for (int i = 0; i < n; i++) {
            Layout c = children.get(i);
            long old = across ? c.width : c.height;
            int size = i == n - 1 ? newInner - used : (int) ((2 * old * newInner + oldInner) / (2 * oldInner));
            if (size < 1) {
                return null;
            }
            used += size;
            Layout scaledChild = across ? c.scaled(size, h) : c.scaled(w, size);
            if (scaledChild == null) {
                return null;
            }
            kids.add(scaledChild);
        }
        return new Layout(w, h, x, y, kind, -1, kids);
    }

    /** This cell {@code d} columns wider (or rows taller), shared out as tmux's layout_resize_adjust does. */
    private Layout grown(boolean horizontal, int d) {
        List<Layout> kids = new ArrayList<>(children);
        boolean sameAxis = (kind == Kind.SIDE_BY_SIDE) == horizontal;
        for (int i = 0; i < kids.size(); i++) {
            int share = !sameAxis ? d : d / kids.size() + (i < d % kids.size() ? 1 : 0);
            kids.set(i, kids.get(i).grown(horizontal, share));
        }
        return new Layout(horizontal ? width + d : width, horizontal ? height : height + d, x, y, kind, pane, kids);
    }

    /** The same sizes with offsets laid out from ({@code px}, {@code py}): siblings one border apart. */
    Layout placed(int px, int py) {
        List<Layout> kids = new ArrayList<>(children.size());
        int cx = px;
        int cy = py;
        for (Layout c : children) {
            kids.add(c.placed(cx, cy));
            if (kind == Kind.SIDE_BY_SIDE) {
                cx += c.width + 1;
            } else {
                cy += c.height + 1;
            }
        }
        return new Layout(width, height, px, py, kind, pane, kids);
    }

    private void append(StringBuilder out) {
        out.append(width)
                .append('x')
                .append(height)
                .append(',')
                .append(x)
                .append(',')
                .append(y);
        switch (kind) {
            case PANE -> out.append(',').append(pane);
            case SIDE_BY_SIDE, STACKED -> {
                out.append(kind == Kind.SIDE_BY_SIDE ? '{' : '[');
                for (int i = 0; i < children.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    children.get(i).append(out);
                }
                out.append(kind == Kind.SIDE_BY_SIDE ? '}' : ']');
            }
            default -> throw new AssertionError(kind);
        }
    }

    private void collect(List<Integer> out) {
        if (kind == Kind.PANE) {
            out.add(pane);
        }
        children.forEach(c -> c.collect(out));
    }

    /** tmux's layout_checksum: a 16-bit rotate-right-and-add over the text. */
    static int checksum(String s) {
        int csum = 0;
        for (int i = 0; i < s.length(); i++) {
            csum = ((csum >> 1) + ((csum & 1) << 15)) & 0xffff;
            csum = (csum + s.charAt(i)) & 0xffff;
        }
        return csum;
    }

    private static Layout cell(String s, Cursor at) {
        int w = number(s, at, 'x');
        int h = number(s, at, ',');
        int x = number(s, at, ',');
        int y = number(s, at, (char) 0);
        if (at.pos >= s.length()) {
            throw new IllegalArgumentException("cell without pane or children at " + at.pos);
        }
        char c = s.charAt(at.pos);
        if (c == ',' && at.pos + 1 < s.length() && Character.isDigit(s.charAt(at.pos + 1))) {
            at.pos++;
            int start = at.pos;
            while (at.pos < s.length() && Character.isDigit(s.charAt(at.pos))) {
                at.pos++;
            }
            return new Layout(w, h, x, y, Kind.PANE, Integer.parseInt(s.substring(start, at.pos)), List.of());
        }
        if (c != '{' && c != '[') {
            throw new IllegalArgumentException("expected a pane, { or [ at " + at.pos);
        }
        char close = c == '{' ? '}' : ']';
        List<Layout> kids = new ArrayList<>();
        do {
            at.pos++;
            kids.add(cell(s, at));
        } while (at.pos < s.length() && s.charAt(at.pos) == ',');
        if (at.pos >= s.length() || s.charAt(at.pos) != close) {
            throw new IllegalArgumentException("expected " + close + " at " + at.pos);
        }
        at.pos++;
        return new Layout(w, h, x, y, c == '{' ? Kind.SIDE_BY_SIDE : Kind.STACKED, -1, kids);
    }

    /** Digits at {@code at}, then (unless {@code end} is 0) the {@code end} character, consumed. */
    private static int number(String s, Cursor at, char end) {
        int start = at.pos;
        while (at.pos < s.length() && Character.isDigit(s.charAt(at.pos))) {
            at.pos++;
        }
        if (at.pos == start || at.pos - start > 9) {
            throw new IllegalArgumentException("expected a number at " + start);
        }
        int n = Integer.parseInt(s.substring(start, at.pos));
        if (end != 0) {
            if (at.pos >= s.length() || s.charAt(at.pos) != end) {
                throw new IllegalArgumentException("expected '" + end + "' at " + at.pos);
            }
            at.pos++;
        }
        return n;
    }

    /** Where the parser is in the layout text. */
    private static final class Cursor {
        int pos;
    }
}
