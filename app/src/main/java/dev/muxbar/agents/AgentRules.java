package dev.muxbar.agents;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which processes are which agent and what their screens look like when they work or wait: data
 * files {@code agents/<name>.json} in the jar, overridden or extended by
 * {@code ~/.config/muxbar/agents/*.json}.
 *
 * <pre>
 * {"agent": "aider", "processes": ["aider"], "args": ["(^|/)aider( |$)"],
 *  "screen": {"lines": 8, "otherwise": "idle",
 *             "rules": [{"status": "waiting", "region": "lines", "lines": 1, "match": "\\(Y\\)es/\\(N\\)o", "priority": 10}]}}
 * </pre>
 * {@code processes}: names as {@code #{pane_current_command}} shows them; {@code args}: patterns over
 * the command line when the pane runs a runtime (node, python, …); regions: {@code lines} (the last
 * N non-empty lines; a rule may set its own N: a question is only pending while it is the last line), {@code title} (the pane title), {@code screen} (all of it). The rule with the
 * highest priority that matches decides; none matching gives {@code otherwise} (may be absent: no opinion).
 */
public final class AgentRules {

    /** The built-in definitions, listed because a jar cannot be listed portably. */
    static final List<String> BUILT_IN = List.of(
            "claude",
            "codex",
            "opencode",
            "gemini",
            "aider",
            "amp",
            "pi",
            "cursor-agent",
            "copilot",
            "goose",
            "crush",
            "qwen");

    /** Commands that run an agent written in them: look at the command line instead. */
    static final java.util.Set<String> RUNTIMES =
            java.util.Set.of("node", "nodejs", "python", "python3", "bun", "deno", "uv", "ruby");

    /** How many last non-empty lines of a screen a signature is looked for in. */
    public static final int SIGNATURE_LINES = 6;

    /** A line of box drawing only (the bottom of a dialog an agent draws). */
    private static final Pattern BOX = Pattern.compile("[\\s─━═╌┄╰╯╭╮│┃└┘┌┐]+");

    public enum Region {
        LINES,
        TITLE,
        SCREEN
    }

    /**
     * {@code lines}: this rule's own count of last non-empty lines (0: the definition's); {@code waitsFor}
     * what a waiting rule's prompt asks (a question, a plan; null: a permission); {@code name} for
     * {@code muxbar explain} (the file's {@code "name"}, else its status and position).
     */
    public record Rule(
            Status status, Region region, Pattern match, int priority, int lines, Wait waitsFor, String name) {}

    /** What a screen shows: a status, what a prompt asks, and the rule that said so. */
    public record Verdict(Status status, Wait waitsFor, String rule) {}

    /**
     * {@code signature}: what only this agent's screen shows in its last {@link #SIGNATURE_LINES}
     * non-empty lines in every state (its footer, its dialogs' last line), or null: how a pane whose
     * program is elsewhere ({@link Remote}: ssh, mosh, a container) is known to show this agent, and
     * no longer once it has quit (the shell's prompt is then the last line).
     */
    public record Definition(
            String agent,
            List<String> processes,
            List<Pattern> args,
            int lines,
            List<Rule> rules,
            Status otherwise,
            List<Prompts.Form> answers,
            Pattern signature) {
        /**
         * Whether the screen shows this agent: its signature in the last {@link #SIGNATURE_LINES}
         * non-empty lines, the last of them the agent's own (the signature's, or the bottom of a box
         * it draws) — not a shell's prompt below the last screen of an agent that quit. False without
         * a signature.
         */
        public boolean shows(List<String> screen) {
            if (signature == null) {
                return false;
            }
            List<String> nonEmpty = screen.stream().filter(l -> !l.isBlank()).toList();
            if (nonEmpty.isEmpty()) {
                return false;
            }
            String last = nonEmpty.get(nonEmpty.size() - 1);
            List<String> tail = nonEmpty.subList(Math.max(0, nonEmpty.size() - SIGNATURE_LINES), nonEmpty.size());
            return signature.matcher(String.join("\n", tail)).find()
                    && (BOX.matcher(last).matches() || signature.matcher(last).find());
        }

        /** The status the screen shows, or null for no opinion. */
        public Status evaluate(List<String> screen, String title) {
            Verdict v = judge(screen, title);
            return v == null ? null : v.status();
        }

        /** The verdict of the first matching rule (by priority), else {@code otherwise}, else null. */
        public Verdict judge(List<String> screen, String title) {
            List<String> nonEmpty = screen.stream().filter(l -> !l.isBlank()).toList();
            String all = String.join("\n", screen);
            for (Rule r : rules) {
                int n = r.lines() > 0 ? r.lines() : lines;
                String region = switch (r.region()) {
                    case LINES ->
                        String.join("\n", nonEmpty.subList(Math.max(0, nonEmpty.size() - n), nonEmpty.size()));
                    case TITLE -> title == null ? "" : title;
                    case SCREEN -> all;
                };
                if (r.match().matcher(region).find()) {
                    return new Verdict(r.status(), r.waitsFor(), r.name());
                }
            }
            return otherwise == null ? null : new Verdict(otherwise, null, "otherwise " + otherwise.label());
        }
    }

    private final Map<String, Definition> byAgent;
    /** Process name → agent: looked up for every pane of every refresh, so one hash lookup. */
    private final Map<String, String> byProcessName = new java.util.HashMap<>();

    private AgentRules(Map<String, Definition> byAgent) {
        this.byAgent = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byAgent)); // file order decides ties
        byAgent.values().forEach(d -> d.processes().forEach(p -> byProcessName.putIfAbsent(p, d.agent())));
    }

    public static AgentRules of(List<Definition> defs) {
        Map<String, Definition> m = new LinkedHashMap<>();
        defs.forEach(d -> m.put(d.agent(), d));
        return new AgentRules(m);
    }

    /** Built-ins, then the user's directory (may be missing); a broken file is reported and skipped. */
    public static AgentRules load(Path userDir, Consumer<String> log) {
        Map<String, Definition> m = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            try (InputStream in = AgentRules.class.getResourceAsStream("/agents/" + name + ".json")) {
                if (in == null) {
                    throw new IOException("missing from the jar");
                }
                Definition d = parse(Json.parse(in));
                m.put(d.agent(), d);
            } catch (IOException | IllegalArgumentException e) {
                log.accept("built-in agent rules " + name + ".json: " + e.getMessage());
            }
        }
        if (userDir != null && Files.isDirectory(userDir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(userDir, "*.json")) {
                for (Path f : files) {
                    try {
                        Definition d = parse(Json.parse(Files.readString(f, StandardCharsets.UTF_8)));
                        m.put(d.agent(), d);
                    } catch (IOException | IllegalArgumentException e) {
                        log.accept("agent rules " + f + " skipped: " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                log.accept("cannot list " + userDir + ": " + e.getMessage());
            }
        }
        return new AgentRules(m);
    }

    /** Parses one definition; a bad field throws with its name. */
    public static Definition parse(Node n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String agent = n.path("agent").asText("");
        if (!agent.matches("[a-z0-9][a-z0-9._-]{0,31}")) {
            throw new IllegalArgumentException("\"agent\" must be a short lowercase name, got: " + agent);
        }
        List<String> processes = new ArrayList<>();
        n.path("processes").forEach(p -> processes.add(p.asText()));
        List<Pattern> args = new ArrayList<>();
        n.path("args").forEach(a -> args.add(pattern(a.asText(), "args")));
        Node screen = n.path("screen");
        int lines = screen.path("lines").asInt(6);
        if (lines < 1 || lines > 200) {
            throw new IllegalArgumentException("\"screen.lines\" must be 1..200, got: " + lines);
        }
        List<Rule> rules = new ArrayList<>();
        for (Node r : screen.path("rules")) {
            Status st = Status.parse(r.path("status").asText(null));
            if (st == null) {
                throw new IllegalArgumentException("rule \"status\" is not a status: " + r.path("status"));
            }
            Region region;
            try {
                region = Region.valueOf(r.path("region").asText("lines").toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "rule \"region\" must be lines, title or screen: " + r.path("region"));
            }
            int ruleLines = r.path("lines").asInt(0);
            if (ruleLines < 0 || ruleLines > 200) {
                throw new IllegalArgumentException("rule \"lines\" must be 1..200, got: " + ruleLines);
            }
            Wait wait = null;
            if (r.hasNonNull("wait")) {
                wait = switch (r.get("wait").asText()) {
                    case "permission" -> Wait.PERMISSION;
                    case "question" -> Wait.QUESTION;
                    case "plan" -> Wait.PLAN;
                    default ->
                        throw new IllegalArgumentException(
                                "rule \"wait\" must be permission, question or plan: " + r.get("wait"));
                };
            }
            String name = r.path("name").asText(st.label() + " rule " + (rules.size() + 1));
            rules.add(new Rule(
                    st,
                    region,
                    pattern(r.path("match").asText(""), "match"),
                    r.path("priority").asInt(0),
                    ruleLines,
                    wait,
                    agent + ": " + name));
        }
        rules.sort(Comparator.comparingInt(Rule::priority).reversed()); // stable: file order within a priority
        Pattern signature =
                screen.hasNonNull("signature") ? pattern(screen.get("signature").asText(), "signature") : null;
        Status otherwise = screen.hasNonNull("otherwise")
                ? Status.parse(screen.get("otherwise").asText())
                : null;
        return new Definition(
                agent,
                List.copyOf(processes),
                List.copyOf(args),
                lines,
                List.copyOf(rules),
                otherwise,
                Prompts.parse(n.path("answers")),
                signature);
    }

    static Pattern pattern(String p, String field) {
        if (p.isEmpty()) {
            throw new IllegalArgumentException("\"" + field + "\" must not be empty");
        }
        try {
            return Pattern.compile(p, Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not a regex: " + e.getDescription());
        }
    }

    /** The agent a screen shows by its signature (the first in file order), or null. */
    public Definition recognise(List<String> screen) {
        for (Definition d : byAgent.values()) {
            if (d.shows(screen)) {
                return d;
            }
        }
        return null;
    }

    public Definition get(String agent) {
        return byAgent.get(agent);
    }

    public List<Definition> all() {
        return List.copyOf(byAgent.values());
    }

    /** The agent a process name is, or null. */
    public String byProcess(String command) {
        return byProcessName.get(command);
    }

    /** The agent a runtime's command line runs, or null. */
    public String byCommandLine(String cmdline) {
        for (Definition d : byAgent.values()) {
            for (Pattern p : d.args()) {
                if (p.matcher(cmdline).find()) {
                    return d.agent();
                }
            }
        }
        return null;
    }

    public static boolean isRuntime(String command) {
        return RUNTIMES.contains(command);
    }
}
