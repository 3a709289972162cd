package dev.muxbar.sidebar;

/**
 * One sidebar's own view state: the cursor (by session id, so it follows the session when the
 * order changes), the first shown row, and the mode keys are in.
 */
public record View(String cursorSessionId, int scroll, Mode mode, Filter filter, int agent) {
    public static final View INITIAL = new View("", 0, new Mode.Normal());

    public View(String cursorSessionId, int scroll, Mode mode) {
        this(cursorSessionId, scroll, mode, Filter.ALL, -1);
    }

    /** Which sessions the list shows ({@code f} cycles): all, those with agents, those needing the user. */
    public enum Filter {
        ALL,
        AGENTS,
        ATTENTION;

        Filter next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    /** What keys mean right now; each non-normal mode shows its prompt in the footer. */
    public sealed interface Mode {
        record Normal() implements Mode {}
        /** x pressed: Enter kills {@code sessionId}, anything else cancels. */
        record ConfirmKill(String sessionId, String name) implements Mode {}
        /** n (new session) or r (rename {@code sessionId}): a line of text being typed (readline keys). */
        record Prompt(String label, String sessionId, LineEdit line) implements Mode {
            public Prompt(String label, String sessionId, String text) {
                this(label, sessionId, LineEdit.of(text));
            }

            public String text() {
                return line.text();
            }
        }
        /** w: ←/→ ±1, H/L ±5 resize live; Enter keeps, Esc goes back to {@code original}. */
        record Width(int original, int current) implements Mode {}
        /**
         * t: the theme picker. Typing filters the names, ↑/↓ move {@code selected} and preview it on
         * every sidebar, Enter keeps it, Esc goes back to {@code original}.
         */
        record Themes(String original, LineEdit line, String selected) implements Mode {
            public Themes(String original, String filter, String selected) {
                this(original, LineEdit.of(filter), selected);
            }

            public String filter() {
                return line.text();
            }
        }
        /** ?: the key list; any key closes it. */
        record Help() implements Mode {}
        /** a on a waiting agent: its prompt's choices; 1-9 picks one (sent only to this prompt, {@code hash}), Esc goes back. */
        record Answer(String pane, String agent, String hash, java.util.List<dev.muxbar.agents.Prompts.Choice> choices)
                implements Mode {}
        /**
         * R on an agent: a line typed for it (readline keys). Enter sends it to an agent that {@code listens};
         * to one that works it first asks ({@code confirming}), and a second Enter sends.
         */
        record Reply(String pane, String agent, LineEdit line, boolean listens, boolean confirming) implements Mode {}
        /** p on an agent: its pane's last lines ({@code lines}, with colours), live, in a widened sidebar; p/Esc ends it. */
        record Peek(String pane, String agent, java.util.List<String> lines) implements Mode {}
    }

    /** The cursor on a session row (leaves the agent list). */
    public View withCursor(String sessionId) {
        return new View(sessionId, scroll, mode, filter, -1);
    }

    public View withScroll(int top) {
        return new View(cursorSessionId, Math.max(0, top), mode, filter, agent);
    }

    public View withMode(Mode m) {
        return new View(cursorSessionId, scroll, m, filter, agent);
    }

    public View withFilter(Filter f) {
        return new View(cursorSessionId, 0, mode, f, -1);
    }

    /** The cursor on the {@code index}-th agent of the selected session's detail panel (-1: on the session row). */
    public View withAgent(int index) {
        return new View(cursorSessionId, scroll, mode, filter, index);
    }
}
