package dev.muxbar.tmux;

/** Quoting for tmux command lines sent over control mode. */
public final class TmuxQuote {
    private TmuxQuote() {}

    /**
     * Any text as one tmux word that tmux's parser gives back byte for byte: runs of text in single
     * quotes (which stop {@code $VAR}, {@code ~} and {@code ;}), a quote as {@code \'} between them,
     * and control characters (a newline would end the command line) as double-quoted escapes such as
     * {@code "\n"} or {@code "\001"}. Verified with tmux 3.3a: {@code 'it'\''s'"\n"'#{x};'} is
     * {@code it's<LF>#{x};}. Commands that expand formats in an argument ({@code display-message})
     * still need {@code #} doubled by the caller.
     */
    /**
     * A path or word as one sh word: the form {@link #q} writes ({@code 'it'\''s'}), which sh reads
     * the same way (a {@code $}, space or {@code "} in single quotes is plain text). Control characters
     * have no such form for both, and are refused.
     */
    public static String sh(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new IllegalArgumentException("a control character in a shell word: " + s.replace("\n", "\\n"));
            }
        }
        return q(s);
    }

    public static String q(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        boolean open = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = c != '\'' && !Character.isISOControl(c);
            if (plain != open) {
                out.append('\'');
                open = plain;
            }
            if (plain) {
                out.append(c);
            } else if (c == '\'') {
                out.append("\\'");
            } else {
                out.append('"');
                escape(c, out);
                out.append('"');
            }
        }
        if (open) {
            out.append('\'');
        }
        return out.length() == 0 ? "''" : out.toString();
    }

    /** tmux's octal escape makes one byte: a C1 control (U+0080…U+009F) is written as its UTF-8 bytes. */
    private static void escape(char c, StringBuilder out) {
        for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            out.append(String.format("\\%03o", b & 0xFF));
        }
    }

    /**
     * A user-typed name as a double-quoted tmux word for a command that expands formats in it
     * ({@code new-session -s}, {@code rename-session}): {@code \ " $} are escaped for the parser and
     * {@code #} doubled so no format is expanded. Control characters are refused.
     */
    public static String name(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new IllegalArgumentException("a name cannot hold control characters");
            }
        }
        return "\""
                + s.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("$", "\\$")
                        .replace("#", "##") + "\"";
    }
}
