package dev.muxbar.sidebar.view;

/** What a key asks the sidebar service to do (the key handler itself is pure). */
public sealed interface Command {
    /** Switch the client viewing this window to a session, then give focus back to the content. */
    record SwitchTo(String sessionId) implements Command {}
    /** Give focus back to the window's content pane. */
    record Leave() implements Command {}
    /** Move a session to a 1-based position in the shown order (persisted). */
    record MoveTo(String sessionId, int position) implements Command {}

    record Hide(String sessionId) implements Command {}

    record UnhideAll() implements Command {}
    /**
     * Kill a session; a client viewing it moves to {@code neighbourId} first (null: none left);
     * {@code worktree}: its git worktree (made by {@code muxbar new}) goes too, if clean and merged or pushed.
     */
    record Kill(String sessionId, String neighbourId, boolean worktree) implements Command {
        public Kill(String sessionId, String neighbourId) {
            this(sessionId, neighbourId, false);
        }
    }

    record NewSession(String name) implements Command {}

    record Rename(String sessionId, String name) implements Command {}
    /** Set every sidebar's width; {@code keep} persists it (Enter in the picker). */
    record Width(int width, boolean keep) implements Command {}
    /** Switch the viewing client to the agent's session, window and pane. */
    record FocusAgent(String sessionId, String windowId, String paneId) implements Command {}
    /** Show a theme on every sidebar; {@code keep} saves it (Enter in the picker), else it is a preview. */
    record Theme(String name, boolean keep) implements Command {}
    /** Mute or unmute a session's attention alerts. */
    record Mute(String sessionId) implements Command {}
    /** Show the agent's pane in this sidebar, widened, live ({@code place}: where it runs). */
    record Peek(Place place, String pane) implements Command {}
    /** Stop peeking: the sidebar's own width again. */
    record EndPeek() implements Command {}
    /** Read the prompt the agent in {@code pane} (at {@code place}) shows, to offer its choices. */
    record ReadPrompt(Place place, String pane) implements Command {}
    /** Pick choice {@code number} of the prompt whose hash is {@code hash} (nothing is sent if it changed). */
    record Answer(Place place, String pane, int number, String hash) implements Command {}
    /** Type {@code text} into the agent's input and press Enter; {@code force}: the user confirmed a working agent. */
    record Reply(Place place, String pane, String text, boolean force) implements Command {}
    /**
     * Bring back the remembered agents {@code session} names (a session, one agent's key, or
     * {@link #ORPHANS}: those of every session gone), then type {@code then} into each once it is ready
     * (null: nothing).
     */
    record Resume(String session, String then) implements Command {
        public static final String ORPHANS = "orphans";

        public Resume(String session) {
            this(session, null);
        }
    }
    /** Start a new agent as {@code text} says ({@link AgentForm}), by default in session {@code sessionId}'s directory. */
    record NewAgent(String sessionId, String text) implements Command {}
    /** End the idle agent in {@code pane} to free its memory, keeping what brings it back. */
    record Hibernate(String pane) implements Command {}
    /**
     * Show session {@code session} of tmux server {@code server} on machine {@code host} in a local
     * window attached to it over ssh ({@code pane}: that pane selected first; "": as it is).
     */
    record OpenRemote(String host, String server, String session, String pane) implements Command {}
}
