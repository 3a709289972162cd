package dev.muxbar.hooks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Span edits of a text, applied together (later offsets first, so earlier offsets stay valid). */
final class TextEdits {

    private record Edit(int from, int to, String text, int seq) {}

    private final List<Edit> edits = new ArrayList<>();

    void insert(int at, String text) {
        edits.add(new Edit(at, at, text, edits.size()));
    }

    void delete(int from, int to) {
        edits.add(new Edit(from, to, "", edits.size()));
    }

    void replace(int from, int to, String text) {
        edits.add(new Edit(from, to, text, edits.size()));
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    String apply(String text) {
        List<Edit> sorted = new ArrayList<>(edits);
        // Later positions first; at one position, the edit made last goes first so inserts keep their order.
        sorted.sort(
                Comparator.comparingInt(Edit::from).thenComparingInt(Edit::seq).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (Edit e : sorted) {
            sb.replace(e.from(), e.to(), e.text());
        }
        return sb.toString();
    }

    /**
     * Deletes the items marked in {@code deleted} from a comma-separated list, with their commas and
     * the space between: items before the first kept one go up to the next item's start, items after
     * it from the previous item's end. (All deleted: the caller removes the container instead.)
     */
    void deleteItems(int[] starts, int[] ends, boolean[] deleted) {
        int firstKept = -1;
        for (int i = 0; i < deleted.length; i++) {
            if (!deleted[i]) {
                firstKept = i;
                break;
            }
        }
        for (int i = 0; i < deleted.length; i++) {
            if (!deleted[i]) {
                continue;
            }
            if (i < firstKept) {
                delete(starts[i], starts[i + 1]);
            } else {
                delete(ends[i - 1], ends[i]);
            }
        }
    }
}
