package dev.muxbar.sidebar.view;

/**
 * Where an agent a key acts on runs: here ({@link #HERE}), or tmux server {@code server} (its socket
 * path there) on the machine the user's ssh calls {@code host} — pane ids are a tmux server's own.
 */
public record Place(String host, String server) {
    public static final Place HERE = new Place("", "");

    public boolean here() {
        return host.isEmpty();
    }

    /** " @devbox" for another machine, "" here. */
    public String suffix() {
        return here() ? "" : " @" + host;
    }
}
