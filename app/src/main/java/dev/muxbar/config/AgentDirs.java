package dev.muxbar.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the agents keep their files, as the agents themselves decide it: Claude Code under
 * {@code $CLAUDE_CONFIG_DIR} (else {@code $HOME/.claude}), Codex under {@code $CODEX_HOME} (else
 * {@code $HOME/.codex}). {@code $HOME} wins over Java's {@code user.home} (which comes from the
 * passwd entry): with {@code HOME=/tmp/x}, muxbar must edit {@code /tmp/x/.claude/settings.json}, as
 * Claude Code reads it.
 */
public record AgentDirs(Path claude, Path codex) {

    public static AgentDirs of(Map<String, String> env) {
        Path home = Paths.home(env);
        return new AgentDirs(
                dir(env, "CLAUDE_CONFIG_DIR", home.resolve(".claude")), dir(env, "CODEX_HOME", home.resolve(".codex")));
    }

    private static Path dir(Map<String, String> env, String name, Path fallback) {
        String v = env.getOrDefault(name, "");
        return v.isEmpty() ? fallback : Path.of(v);
    }

    public Path claudeSettings() {
        return claude.resolve("settings.json");
    }

    public Path claudeProjects() {
        return claude.resolve("projects");
    }

    public Path codexConfig() {
        return codex.resolve("config.toml");
    }

    public Path codexHooks() {
        return codex.resolve("hooks.json");
    }

    public Path codexSessions() {
        return codex.resolve("sessions");
    }
}
