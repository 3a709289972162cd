package dev.muxbar.real;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real agent CLIs at their pinned versions, installed by {@code scripts/agents-install} (which
 * {@code .ci/run} calls) into a cache directory outside the repository, and the config each needs to
 * run against {@link MockModels} without a first-run dialog: Claude Code's onboarding, API-key
 * approval and folder trust in {@code $CLAUDE_CONFIG_DIR/.claude.json}; Codex's model provider and
 * trusted projects in {@code $CODEX_HOME/config.toml}.
 */
public final class RealClis {

    public static final String CLAUDE_VERSION = "2.1.328";
    public static final String CODEX_VERSION = "0.169.0";
    /** A key of the shape Claude Code accepts; the mock ignores it. Claude asks once per key (its last 20 characters). */
    static final String ANTHROPIC_KEY = "sk-ant-api03-mock-" + "0".repeat(40);

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealClis() {}

    /** Where the CLIs are: {@code $MUXBAR_AGENTS_DIR}, else {@code ~/.cache/muxbar-agents}. */
    public static Path dir() {
        String d = System.getenv("MUXBAR_AGENTS_DIR");
        return d != null && !d.isEmpty()
                ? Path.of(d)
                : Path.of(System.getProperty("user.home"), ".cache", "muxbar-agents");
    }

    /** The directory of the CLIs' commands (claude, codex), for PATH. */
    public static Path bin() {
        return dir().resolve("node_modules").resolve(".bin");
    }

    /** Why the pinned CLIs cannot run here, or null when they can. */
    public static String missing() {
        for (String[] pkg : List.of(
                new String[] {"@anthropic-ai/claude-code", CLAUDE_VERSION},
                new String[] {"@openai/codex", CODEX_VERSION})) {
            Path json = dir().resolve("node_modules").resolve(pkg[0]).resolve("package.json");
            try {
                String version = JSON.readTree(json.toFile()).path("version").asText();
                if (!version.equals(pkg[1])) {
                    return pkg[0] + " is " + version + ", not the pinned " + pkg[1] + " (run scripts/agents-install)";
                }
            } catch (IOException e) {
                return pkg[0] + " is not installed in " + dir() + " (run scripts/agents-install)";
            }
        }
        return null;
    }

    /** Codex's config: the mock as its model provider, {@code projects} trusted, nothing else. */
    public static void codexHome(Path home, int mockPort, List<Path> projects) throws IOException {
        Files.createDirectories(home);
        StringBuilder toml = new StringBuilder("""
                model = "mock-model"
                model_provider = "mock"
                approval_policy = "on-request"
                sandbox_mode = "workspace-write"

                [model_providers.mock]
                name = "mock"
                base_url = "http://127.0.0.1:%d/v1"
                env_key = "MOCK_API_KEY"
                wire_api = "responses"

                [tui]
                screen_reader_detection_done = true
                """.formatted(mockPort));
        for (Path p : projects) {
            toml.append("\n[projects.\"").append(p).append("\"]\ntrust_level = \"trusted\"\n");
        }
        Files.writeString(home.resolve("config.toml"), toml.toString());
        Files.deleteIfExists(home.resolve("hooks.json"));
    }

    /** Claude Code's state: onboarded, the mock key approved, {@code projects} trusted; settings without hooks. */
    public static void claudeConfig(Path dir, List<Path> projects) throws IOException {
        Files.createDirectories(dir);
        ObjectNode state = JSON.createObjectNode();
        state.put("hasCompletedOnboarding", true);
        state.put("lastReleaseNotesSeen", CLAUDE_VERSION);
        state.put("lastClawdEntranceVersion", CLAUDE_VERSION);
        state.put("hasSeenAutoDefaultNudge", true);
        state.putObject("customApiKeyResponses")
                .putArray("approved")
                .add(ANTHROPIC_KEY.substring(ANTHROPIC_KEY.length() - 20));
        ObjectNode trusted = state.putObject("projects");
        for (Path p : projects) {
            trusted.putObject(p.toString()).put("hasTrustDialogAccepted", true);
        }
        Files.writeString(
                dir.resolve(".claude.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        Files.writeString(dir.resolve("settings.json"), "{\"permissions\": {\"defaultMode\": \"default\"}}\n");
    }

    /**
     * The environment of a pane that runs {@code agent} against the mock. HOME is an empty directory
     * of its own: the agents run tools in a login shell ({@code bash -l}), which would read this
     * machine's rc files — a pyenv init there waits up to a minute on a lock a killed run left behind.
     */
    public static Map<String, String> env(String agent, Path config, int mockPort, Path runtimeDir) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(
                "HOME",
                Files.createDirectories(config.resolveSibling(config.getFileName() + "-user"))
                        .toString());
        env.put("MUXBAR_RUNTIME_DIR", runtimeDir.toString()); // where the hook script finds the daemon
        if (agent.equals("claude")) {
            env.put("CLAUDE_CONFIG_DIR", config.toString());
            env.put("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + mockPort);
            env.put("ANTHROPIC_API_KEY", ANTHROPIC_KEY);
            env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
            env.put("DISABLE_AUTOUPDATER", "1");
        } else {
            env.put("CODEX_HOME", config.toString());
            env.put("MOCK_API_KEY", "mock-key");
        }
        return env;
    }
}
