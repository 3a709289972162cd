package dev.muxbar.hosts;

import java.util.regex.Pattern;

/**
 * One of the user's hosts as they name it for {@code ssh}: an alias from {@code ~/.ssh/config}, a
 * host name or address, with an optional {@code user@}. Checked before it goes anywhere near a command
 * line: nothing that ssh could read as an option ({@code -oProxyCommand=…}), no spaces, quotes, shell or
 * tmux syntax, no control characters.
 */
public record Host(String name) {

    /** Longest name kept (a DNS name is at most 253). */
    public static final int MAX = 255;

    private static final Pattern NAME =
            Pattern.compile("(?:[A-Za-z0-9_][A-Za-z0-9._-]*@)?[A-Za-z0-9_][A-Za-z0-9._:-]*");

    public Host {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a host name is empty");
        }
        if (name.length() > MAX || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a host ssh can be given safely: " + printable(name)
                    + " (letters, digits, . _ - : and one user@ prefix; an alias from ~/.ssh/config works)");
        }
    }

    /** The host's name as it may be shown in an error: control characters escaped, cut short. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return "'" + out + (s.length() > 80 ? "…" : "") + "'";
    }
}
