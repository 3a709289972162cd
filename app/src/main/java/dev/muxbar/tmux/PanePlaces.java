package dev.muxbar.tmux;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where every pane is, by the names and indexes tools such as tmux-resurrect save it under, and
 * which are muxbar's sidebars. One-shot (a tmux process), for the CLI.
 */
public final class PanePlaces {
    private PanePlaces() {}

    /** A pane: its session's name, window index, pane index, pane number ({@code %12} → 12), sidebar or not. */
    public record Place(String session, String window, String index, int pane, boolean sidebar) {}

    static final List<String> FIELDS =
            List.of("session_name", "window_index", "pane_index", "pane_id", "@muxbar-sidebar");

    /** {@code list-panes -a} of the server at {@code address}. */
    public static List<Place> list(TmuxAddress address) throws IOException {
        TmuxProcess.Result r = TmuxProcess.run(address, List.of("list-panes", "-a", "-F", Formats.template(FIELDS)));
        if (!r.ok()) {
            throw new IOException("tmux list-panes: " + r.stderr());
        }
        return parse(r.lines());
    }

    /** Example record: {@code "\u001ework\u001f1\u001f0\u001f%12\u001f1"}; malformed ones are skipped. */
    static List<Place> parse(List<String> lines) {
        List<Place> out = new ArrayList<>();
        for (String[] f : ListParser.records(lines, FIELDS.size())) {
            if (f[3].matches("%[0-9]{1,9}")) {
                out.add(new Place(
                        f[0], f[1], f[2], Integer.parseInt(f[3].substring(1)), !f[4].isEmpty() && !f[4].equals("0")));
            }
        }
        return out;
    }
}
