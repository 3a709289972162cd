package dev.muxbar.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The query of an event-stream request from the CLI's filters. */
final class Streams {
    private Streams() {}

    /** {@code ?types=…&session=…&pane=…} (only what is given); null when the pane is no pane id. */
    static String query(String types, String session, String pane) {
        StringBuilder q = new StringBuilder();
        if (types != null) {
            q.append("&types=").append(URLEncoder.encode(types, StandardCharsets.UTF_8));
        }
        if (session != null) {
            q.append("&session=").append(URLEncoder.encode(session, StandardCharsets.UTF_8));
        }
        if (pane != null) {
            String p = Panes.normalise(pane);
            if (p == null) {
                return null;
            }
            q.append("&pane=").append(URLEncoder.encode(p, StandardCharsets.UTF_8));
        }
        return q.length() == 0 ? "" : "?" + q.substring(1);
    }
}
