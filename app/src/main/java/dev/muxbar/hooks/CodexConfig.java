package dev.muxbar.hooks;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * muxbar's {@code notify} program in Codex's {@code config.toml}: one top-level line (top-level keys
 * must come before the first table), marked so uninstall removes exactly it.
 *
 * <pre>
 * notify = ["/path/muxbar/scripts/muxbar-hook", "codex"] # muxbar
 * </pre>
 * Codex runs one notify program: when the user already has one, muxbar does not replace it.
 */
public final class CodexConfig {
    private CodexConfig() {}

    static final String MARK = " # muxbar";
    private static final Pattern NOTIFY = Pattern.compile("(?m)^\\s*notify\\s*=");

    public static boolean installed(String text) {
        return text.lines().anyMatch(CodexConfig::ours);
    }

    private static boolean ours(String line) {
        return line.startsWith("notify") && line.endsWith(MARK);
    }

    public static String install(String text, String hookScript) throws IOException {
        if (installed(text)) {
            return text;
        }
        String top = text.split("(?m)^\\s*\\[", 2)[0];
        if (NOTIFY.matcher(top).find()) {
            throw new IOException("config.toml already has a notify program and Codex runs only one; to keep yours, "
                    + "call \"" + hookScript + " codex \\\"$1\\\"\" from it (muxbar changed nothing)");
        }
        String line = "notify = [\"" + hookScript.replace("\\", "\\\\").replace("\"", "\\\"") + "\", \"codex\"]" + MARK + "\n";
        return line + text;
    }

    public static String uninstall(String text) {
        StringBuilder sb = new StringBuilder();
        for (String l : text.split("(?<=\n)")) {
            if (!ours(l.endsWith("\n") ? l.substring(0, l.length() - 1) : l)) {
                sb.append(l);
            }
        }
        return sb.toString();
    }
}
