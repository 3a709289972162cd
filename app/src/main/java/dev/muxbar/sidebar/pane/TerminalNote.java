package dev.muxbar.sidebar.pane;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A desktop notification through the user's own terminal: an OSC sequence written by a sidebar in
 * tmux's passthrough wrapper ({@code allow-passthrough} on that sidebar pane), which tmux hands to
 * the terminal of whoever views the window — also over SSH. Formats: {@code osc9} (iTerm2, WezTerm,
 * Windows Terminal, foot, Ghostty…), {@code osc777} (urxvt, foot, Ghostty, VTE), {@code osc99}
 * (kitty). Text from agents is cut to printable characters: it can never end the sequence early.
 *
 * <pre>
 * ESC P tmux; ESC ESC ] 9 ; claude waits for you in api BEL ESC \
 * </pre>
 */
public enum TerminalNote {
    OSC9,
    OSC777,
    OSC99;

    /** The {@code @muxbar-notify-terminal} value: osc9, osc777, osc99; null for off or anything else. */
    public static TerminalNote parse(String option) {
        if (option == null) {
            return null;
        }
        try {
            return valueOf(option.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The passthrough-wrapped bytes for a title and a body. */
    public byte[] bytes(String title, String body) {
        String t = clean(title);
        String b = clean(body);
        String osc = switch (this) {
            case OSC9 -> "\u001b]9;" + t + ": " + b + "\u0007";
            case OSC777 -> "\u001b]777;notify;" + t.replace(';', ',') + ";" + b + "\u0007";
            case OSC99 -> "\u001b]99;;" + t + ": " + b + "\u001b\\";
        };
        return ("\u001bPtmux;" + osc.replace("\u001b", "\u001b\u001b") + "\u001b\\").getBytes(StandardCharsets.UTF_8);
    }

    /** Printable characters only, at most 200. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints()
                .filter(c -> c >= 0x20 && (c < 0x7f || c > 0x9f))
                .limit(200)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
