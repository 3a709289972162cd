package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The sidebar's keys in one table: which key strokes each binding takes, its line in the {@code ?}
 * help, and its row in README's key list. {@link Keys} dispatches on it (a switch over this enum,
 * so a new binding must be handled), {@link Renderer} shows {@link #help()}, and a test keeps
 * README's table equal to {@link #markdown()}.
 */
public enum KeyTable {
    MOVE(
            "j/k ↑/↓",
            "move",
            "`j`/`k`, `↑`/`↓`, wheel",
            "move (on into the other machines' rows, if any: see Several machines)",
            k -> is(k, KeyType.ArrowDown, KeyType.ArrowUp) && !k.isAltDown() || chars(k, "jk")),
    SWITCH(
            "↵",
            "switch",
            "`Enter`, click",
            "switch this client to the session, focus back to the content pane (another machine's: open it in a"
                    + " local window; a host's heading: fold it)",
            Keys::isEnter),
    ROW("1-9", "switch to row", "`1`–`9`", "switch to row N", k -> chars(k, "123456789") && !k.isCtrlDown()),
    NEXT(
            "Tab",
            "next session",
            "`Tab` / `Shift-Tab`",
            "next / previous session",
            k -> is(k, KeyType.Tab, KeyType.ReverseTab)),
    REORDER(
            "M-↑/M-↓",
            "reorder",
            "`M-↑` / `M-↓`",
            "move the session up / down (remembered)",
            k -> is(k, KeyType.ArrowUp, KeyType.ArrowDown) && k.isAltDown()),
    HIDE("d", "hide", "`d` / `u`", "hide the session / show all hidden ones", k -> chars(k, "d")),
    UNHIDE("u", "unhide all", null, null, k -> chars(k, "u")),
    KILL(
            "x",
            "kill session",
            "`x`",
            "kill the session (asks; clients on it move to its neighbour)",
            k -> chars(k, "x")),
    NEW(
            "n",
            "new session",
            "`n` / `r`",
            "new session / rename (type the name, `Enter`; `Esc` cancels). Every prompt "
                    + "(and the theme filter) takes the readline keys: `←`/`→`, `C-a`/`C-e`, `C-b`/`C-f`, `M-b`/`M-f`, "
                    + "`C-u`, `C-k`, `C-w`, `Delete`/`C-d`, `Backspace`/`C-h`",
            k -> chars(k, "n")),
    RENAME("r", "rename", null, null, k -> chars(k, "r")),
    WIDTH(
            "w",
            "width",
            "`w`",
            "width: `←`/`→` ±1, `H`/`L` ±5, `Enter` keeps (all sidebars, remembered), `Esc` reverts",
            k -> chars(k, "w")),
    THEME(
            "t",
            "theme",
            "`t`",
            "theme picker: type to filter (letters in order: `cm` finds catppuccin-mocha), "
                    + "`↑`/`↓` preview on every sidebar, `Enter` keeps (remembered), `Esc` reverts",
            k -> chars(k, "t")),
    FILTER("f", "filter", "`f`", "filter: all sessions → with agents → needing attention", k -> chars(k, "f")),
    MUTE("m", "mute alerts", "`m`", "mute / unmute the session's attention alerts", k -> chars(k, "m")),
    NEW_AGENT(
            "N",
            "new agent",
            "`N`",
            "a new agent: `AGENT [BRANCH or /DIR] [PROMPT]` (a branch: in a new worktree of the session's repository;"
                    + " the prompt is typed once the agent is ready)",
            k -> chars(k, "N")),
    BRING(
            "b",
            "bring back",
            "`b` / `z`",
            "bring back the session's agents that went with a restart or were hibernated (a session with none: "
                    + "every agent whose session is gone); `z` on an agent hibernates it (idle or done only)",
            k -> chars(k, "b")),
    AGENTS(
            "l/→",
            "agents (↵ a R)",
            "`l`/`→`",
            "into the selected session's agents (`j`/`k` move, `Enter` goes to the "
                    + "agent's window and pane, `a` shows the choices of the prompt it waits on and `1`–`9` answers it there, "
                    + "`R` types a reply into its input (a working agent asks once more), `h`/`←` back)",
            k -> is(k, KeyType.ArrowRight) || chars(k, "l")),
    HELP("?", "help", "`?`", "help", k -> chars(k, "?")),
    LEAVE(
            "q/Esc",
            "back to pane",
            "`q` / `Esc`",
            "focus back to the content pane",
            k -> is(k, KeyType.Escape) || chars(k, "q"));

    private final String keys;
    private final String does;
    private final String readmeKeys;
    private final String readmeDoes;
    private final Predicate<KeyStroke> takes;

    /** A null README column: the binding shares the row of the one before it. */
    KeyTable(String keys, String does, String readmeKeys, String readmeDoes, Predicate<KeyStroke> takes) {
        this.keys = keys;
        this.does = does;
        this.readmeKeys = readmeKeys;
        this.readmeDoes = readmeDoes;
        this.takes = takes;
    }

    /** The binding of a key stroke in the session list, or null. */
    public static KeyTable of(KeyStroke k) {
        for (KeyTable b : values()) {
            if (b.takes.test(k)) {
                return b;
            }
        }
        return null;
    }

    /** The {@code ?} help, one row per binding. */
    public static List<String> help() {
        List<String> rows = new java.util.ArrayList<>();
        for (KeyTable b : values()) {
            rows.add(" " + b.keys + " ".repeat(Math.max(1, 9 - b.keys.length())) + b.does);
        }
        rows.add(" (any key closes)");
        return List.copyOf(rows);
    }

    /** README's key table. */
    public static String markdown() {
        return "| key | action |\n| --- | --- |\n"
                + Arrays.stream(values())
                        .filter(b -> b.readmeKeys != null)
                        .map(b -> "| " + b.readmeKeys + " | " + b.readmeDoes + " |")
                        .collect(Collectors.joining("\n"))
                + "\n";
    }

    private static boolean is(KeyStroke k, KeyType... types) {
        return Arrays.asList(types).contains(k.getKeyType());
    }

    /** One of these characters, without Alt. */
    private static boolean chars(KeyStroke k, String cs) {
        return k.getKeyType() == KeyType.Character && !k.isAltDown() && cs.indexOf(k.getCharacter()) >= 0;
    }
}
