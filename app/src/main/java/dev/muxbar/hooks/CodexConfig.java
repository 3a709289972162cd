package dev.muxbar.hooks;

import java.util.regex.Pattern;

/**
 * muxbar's lines in Codex's {@code config.toml}, each marked so uninstall removes exactly them:
 * the {@code notify} program (a top-level key, so before the first table) and the feature flag that
 * turns Codex's hooks on ({@code [features] codex_hooks = true}; the hooks themselves are in
 * {@code hooks.json}, see {@link ClaudeSettings#CODEX}).
 *
 * <pre>
 * notify = ["/path/muxbar/scripts/muxbar-hook", "codex"] # muxbar
 * …
 * [features]
 * codex_hooks = true # muxbar
 * </pre>
 * Codex runs one notify program: when the user has one, muxbar keeps it (its hooks' Stop tells the
 * turn's end as well). A {@code codex_hooks} the user set, to anything, is theirs.
 */
public final class CodexConfig {
    private CodexConfig() {}

    static final String MARK = " # muxbar";
    private static final Pattern NOTIFY = Pattern.compile("(?m)^\\s*notify\\s*=");
    private static final Pattern FEATURES = Pattern.compile("(?m)^\\s*\\[features\\]\\s*(#.*)?$");
    private static final Pattern HOOKS_FLAG = Pattern.compile("(?m)^\\s*(features\\.)?codex_hooks\\s*=");

    public static boolean installed(String text) {
        return text.lines().anyMatch(l -> l.startsWith("notify") && l.endsWith(MARK));
    }

    /** Whether the user's notify program is there (muxbar's is not added then). */
    public static boolean userNotify(String text) {
        String top = text.split("(?m)^\\s*\\[", 2)[0];
        return NOTIFY.matcher(top).find() && !installed(text);
    }

    public static String install(String text, String hookScript) {
        String out = text;
        if (!installed(out) && !userNotify(out)) {
            out = "notify = [\"" + hookScript.replace("\\", "\\\\").replace("\"", "\\\"") + "\", \"codex\"]" + MARK
                    + "\n" + out;
        }
        if (!HOOKS_FLAG.matcher(out).find()) {
            java.util.regex.Matcher m = FEATURES.matcher(out);
            if (m.find()) {
                int eol = out.indexOf('\n', m.end());
                int at = eol < 0 ? out.length() : eol + 1;
                out = out.substring(0, at) + (eol < 0 ? "\n" : "") + "codex_hooks = true" + MARK + "\n"
                        + out.substring(at);
            } else {
                out = out + (out.isEmpty() || out.endsWith("\n") ? "" : "\n") + "\n[features]" + MARK
                        + "\ncodex_hooks = true" + MARK + "\n";
            }
        }
        return out;
    }

    /** {@code text} without muxbar's lines; a {@code [features]} header of muxbar's goes only with nothing left under it. */
    public static String uninstall(String text) {
        String[] lines = text.split("(?<=\n)", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].endsWith("\n") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (!l.endsWith(MARK)) {
                sb.append(lines[i]);
                continue;
            }
            if (l.startsWith("[features]") && !emptyTable(lines, i + 1)) {
                sb.append(lines[i]); // the user put keys under it since: it is theirs now
                continue;
            }
            if (l.startsWith("[features]") && sb.toString().endsWith("\n\n")) {
                sb.setLength(sb.length() - 1); // the blank line install put before it
            }
        }
        return sb.toString();
    }

    /** Whether only muxbar's lines, blanks and comments follow until the next table. */
    private static boolean emptyTable(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("[")) {
                return true;
            }
            if (!l.isEmpty() && !l.startsWith("#") && !l.endsWith(MARK.strip())) {
                return false;
            }
        }
        return true;
    }
}
