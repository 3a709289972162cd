package dev.muxbar.testing;

import java.nio.file.Path;

/** The fake agent TUIs of app/src/test/resources/fake-agents, started in a real tmux. */
public final class FakeAgents {
    private FakeAgents() {}

    public static Path script(String agent) {
        return Path.of(System.getProperty("muxbar.root"), "app/src/test/resources/fake-agents", agent);
    }

    /**
     * A new window of session {@code session} running the fake {@code agent} ({@code env}: {@code K=V}
     * exported first, or null); returns its pane id. tmux names a pane's command by its argv[0] (a
     * script's is its interpreter), so the fake runs as {@code exec -a AGENT sh SCRIPT}.
     */
    public static String start(TmuxServer tmux, String session, String agent, String env) {
        return tmux.tmux(
                        "new-window",
                        "-d",
                        "-P",
                        "-F",
                        "#{pane_id}",
                        "-t",
                        session + ":",
                        (env == null ? "" : "export " + env + "; ") + "exec bash -c 'exec -a " + agent + " /bin/sh "
                                + script(agent) + "'")
                .strip();
    }
}
