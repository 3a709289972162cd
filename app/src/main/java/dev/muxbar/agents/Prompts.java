package dev.muxbar.agents;

import dev.muxbar.json.Node;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an agent's prompts offer their choices and which keys pick each: the {@code "answers"} of an
 * agent's rules file, so a new agent version is a data change. A form matches the prompt region
 * (the last {@code screen.lines} non-empty lines, box borders stripped) and reads its choices either
 * one per line ({@code "line"}: Claude's {@code ❯ 1. Yes}) or several in one line ({@code "inline"}:
 * Aider's {@code (Y)es/(N)o}); each regex names groups {@code key} and {@code label}. {@code send}
 * lists the tmux key names to send, {@code {key}} standing for the choice's key ({@code rename}
 * maps a key as drawn to a key name: {@code esc} → {@code Escape}); {@code ends} matches the labels of
 * choices that end the agent's turn (a denial that stops it and waits for the user).
 *
 * <pre>
 * "answers": [{"name": "permission", "match": "Do you want to", "line": "^(?:❯\\s*)?(?&lt;key&gt;[1-9])\\.\\s+(?&lt;label&gt;.+)$",
 *              "send": ["{key}"]}]
 * </pre>
 * A prompt is identified by a hash of its region, so that an answer chosen for one prompt is never
 * sent to another ({@link #hash}).
 */
public final class Prompts {

    /** One way an agent asks. */
    public record Form(
            String name,
            Pattern match,
            Pattern line,
            Pattern inline,
            List<String> send,
            Map<String, String> rename,
            boolean lowercase,
            Pattern ends) {}

    /** One choice: what the user sees, the keys that pick it, and whether picking it ends the agent's turn. */
    public record Choice(int number, String label, List<String> keys, boolean ends) {}

    /** A prompt on screen: which form, its choices, and the hash of the region it was read from. */
    public record Prompt(String form, List<Choice> choices, String hash) {}

    private static final Pattern BORDER_START = Pattern.compile("^[\\s│┃|╭╰]+");
    private static final Pattern BORDER_END = Pattern.compile("[\\s│┃|╮╯]+$");
    private static final Pattern FIRST = Pattern.compile("^[^0-9]{0,3}1\\.\\s.*");
    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9-]{1,16}|[!-~]");

    private Prompts() {}

    /** The prompt region of a screen: its last {@code lines} non-empty lines, box borders stripped. */
    public static List<String> region(List<String> screen, int lines) {
        List<String> nonEmpty = new ArrayList<>();
        for (String l : screen) {
            String s =
                    BORDER_END.matcher(BORDER_START.matcher(l).replaceAll("")).replaceAll("");
            if (!s.isBlank()) {
                nonEmpty.add(s);
            }
        }
        return List.copyOf(nonEmpty.subList(Math.max(0, nonEmpty.size() - lines), nonEmpty.size()));
    }

    /** The first 16 hex digits of SHA-256 over the region's lines: what "the same prompt" means. */
    public static String hash(List<String> region) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", region).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is in every JDK", e);
        }
    }

    /** The prompt a region shows, by the first form that matches and offers choices; null when none. */
    public static Prompt read(List<Form> forms, List<String> region) {
        String text = String.join("\n", region);
        for (Form f : forms) {
            if (!f.match().matcher(text).find()) {
                continue;
            }
            List<Choice> choices = new ArrayList<>();
            for (String l : region) {
                Matcher m = (f.line() != null ? f.line() : f.inline()).matcher(l.strip());
                if (f.line() != null && FIRST.matcher(l.strip()).matches() && m.matches()) {
                    choices.clear(); // a list numbered from 1 again (a plan's steps came first): the options are the
                    // last one
                    m.reset();
                }
                while (choices.size() < 9 && (f.line() != null ? m.matches() : m.find())) {
                    String key = m.group("key");
                    String label = m.group("label").strip();
                    if (f.inline() != null && m.end("key") == m.start("label") - 1 && !label.startsWith(key)) {
                        label = key + label; // the key drawn inside its word: (Y)es is "Yes"
                    }
                    List<String> keys = keys(f, f.lowercase() ? key.toLowerCase(java.util.Locale.ROOT) : key);
                    if (keys != null) {
                        choices.add(new Choice(
                                choices.size() + 1,
                                label,
                                keys,
                                f.ends() != null && f.ends().matcher(label).find()));
                    }
                    if (f.line() != null) {
                        break;
                    }
                }
            }
            if (!choices.isEmpty()) {
                return new Prompt(f.name(), List.copyOf(choices), hash(region));
            }
        }
        return null;
    }

    /** The key names to send for a choice's key, or null when one is not a key name tmux takes. */
    private static List<String> keys(Form f, String key) {
        List<String> out = new ArrayList<>();
        for (String s : f.send()) {
            String k = s.replace("{key}", f.rename().getOrDefault(key, key));
            if (!KEY_NAME.matcher(k).matches()) {
                return null;
            }
            out.add(k);
        }
        return List.copyOf(out);
    }

    /** The {@code "answers"} of a rules file; bad entries throw {@link IllegalArgumentException}. */
    static List<Form> parse(Node answers) {
        List<Form> out = new ArrayList<>();
        for (Node a : answers) {
            String name = a.path("name").asText("answer " + (out.size() + 1));
            Pattern line =
                    a.hasNonNull("line") ? AgentRules.pattern(a.get("line").asText(), "answers.line") : null;
            Pattern inline =
                    a.hasNonNull("inline") ? AgentRules.pattern(a.get("inline").asText(), "answers.inline") : null;
            if ((line == null) == (inline == null)) {
                throw new IllegalArgumentException("answer \"" + name + "\" needs one of \"line\" or \"inline\"");
            }
            for (Pattern p : java.util.Arrays.asList(line, inline)) {
                if (p != null
                        && (!p.pattern().contains("(?<key>") || !p.pattern().contains("(?<label>"))) {
                    throw new IllegalArgumentException(
                            "answer \"" + name + "\": the regex needs groups (?<key>…) and (?<label>…)");
                }
            }
            List<String> send = new ArrayList<>();
            a.path("send").forEach(s -> send.add(s.asText()));
            if (send.isEmpty()) {
                throw new IllegalArgumentException(
                        "answer \"" + name + "\" needs \"send\" (tmux key names, {key} for the choice)");
            }
            Map<String, String> rename = new java.util.HashMap<>();
            Node r = a.path("rename");
            r.fieldNames().forEachRemaining(k -> rename.put(k, r.get(k).asText()));
            Pattern ends =
                    a.hasNonNull("ends") ? AgentRules.pattern(a.get("ends").asText(), "answers.ends") : null;
            out.add(new Form(
                    name,
                    AgentRules.pattern(a.path("match").asText(""), "answers.match"),
                    line,
                    inline,
                    List.copyOf(send),
                    Map.copyOf(rename),
                    a.path("lowercase").asBoolean(false),
                    ends));
        }
        return List.copyOf(out);
    }
}
