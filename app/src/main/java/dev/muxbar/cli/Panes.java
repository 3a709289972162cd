package dev.muxbar.cli;

/** A pane argument as users type it ({@code %3} or {@code 3}), and an API error's words. */
final class Panes {
    private Panes() {}

    /** {@code %3} for {@code %3} or {@code 3}; null when it is no pane id. */
    static String normalise(String pane) {
        if (pane == null || !pane.matches("%?[0-9]{1,9}")) {
            return null;
        }
        return pane.startsWith("%") ? pane : "%" + pane;
    }

    /** The {@code error} of an API answer's body, or the body. */
    static String error(String body) {
        try {
            String e = CliJson.MAPPER.readTree(body).path("error").asText("");
            return e.isEmpty() ? body.strip() : e;
        } catch (java.io.IOException e) {
            return body.strip();
        }
    }
}
