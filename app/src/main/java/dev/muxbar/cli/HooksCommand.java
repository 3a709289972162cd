package dev.muxbar.cli;

import dev.muxbar.hooks.ClaudeSettings;
import dev.muxbar.hooks.CodexConfig;
import dev.muxbar.hooks.HookFiles;
import dev.muxbar.hooks.StatusLineTee;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code muxbar hooks install|uninstall claude|codex [--dry-run] [--file F]}: adds or removes
 * muxbar's hook entries in the agent's own config (for Claude, its statusLine tee too: {@link StatusLineTee}), keeping everything else byte for byte, with a
 * timestamped backup before any write. A second install changes nothing.
 */
@Command(
        name = "hooks",
        mixinStandardHelpOptions = true,
        description = "Install or remove muxbar's hooks in Claude Code's or Codex's settings.",
        footer = {
            "%nFiles:", // one per line: picocli would wrap a long path mid-word
            "  Claude Code  $CLAUDE_CONFIG_DIR/settings.json",
            "               or ~/.claude/settings.json",
            "  Codex        $CODEX_HOME/config.toml and hooks.json",
            "               or ~/.codex/config.toml and hooks.json"
        })
final class HooksCommand {

    /** What both subcommands take. */
    static final class Target {
        @Parameters(paramLabel = "AGENT", description = "claude or codex")
        String agent;

        @Option(names = "--dry-run", description = "Print the result, write nothing.")
        boolean dryRun;

        @Option(
                names = "--file",
                paramLabel = "FILE",
                description =
                        "The config file (default: the agent's own; for codex its config.toml, hooks.json beside it).")
        Path file;
    }

    @Command(
            name = "install",
            mixinStandardHelpOptions = true,
            description = "Add muxbar's hooks for AGENT (claude or codex).")
    int install(@Mixin Target t) throws Exception {
        return run(t.agent, true, t.dryRun, t.file);
    }

    @Command(
            name = "uninstall",
            mixinStandardHelpOptions = true,
            description = "Remove muxbar's hooks for AGENT (claude or codex).")
    int uninstall(@Mixin Target t) throws Exception {
        return run(t.agent, false, t.dryRun, t.file);
    }

    private static int run(String agent, boolean install, boolean dryRun, Path file) throws Exception {
        String script = dev.muxbar.daemon.Checkout.sidebarScript()
                .resolveSibling("muxbar-hook")
                .toString();
        dev.muxbar.config.AgentDirs dirs = dev.muxbar.config.AgentDirs.of(System.getenv());
        HookFiles.Result r;
        try {
            switch (agent) {
                case "claude" -> {
                    Path f = file != null ? file : dirs.claudeSettings();
                    String command = (script.contains(" ") ? "'" + script + "'" : script) + " claude";
                    String tee = StatusLineTee.quote(
                            Path.of(script).resolveSibling("muxbar-statusline").toString());
                    r = HookFiles.edit(
                            f,
                            install
                                    ? t -> StatusLineTee.install(ClaudeSettings.install(t, command), tee)
                                    : t -> StatusLineTee.uninstall(ClaudeSettings.uninstall(t)),
                            dryRun,
                            install,
                            "{}\n");
                    if (install && !dryRun && java.nio.file.Files.exists(f)) {
                        System.out.println(
                                StatusLineTee.hasUserCommand(java.nio.file.Files.readString(f))
                                        ? "muxbar: your statusLine runs as before, through muxbar-statusline (it tells muxbar Claude's cost and context)"
                                        : "muxbar: statusLine: muxbar-statusline (prints nothing; set -g @muxbar-claude-statusline on for a short segment)");
                    }
                }
                case "codex" -> {
                    // notify (turn ends) and the hooks flag in config.toml; the hooks (prompts, tools, permission
                    // requests: the waiting notify never reports) in hooks.json beside it.
                    Path f = file != null ? file : dirs.codexConfig();
                    HookFiles.Result cfg = HookFiles.edit(
                            f,
                            install ? t -> CodexConfig.install(t, script) : CodexConfig::uninstall,
                            dryRun,
                            install,
                            "");
                    System.out.println("muxbar: " + cfg.message());
                    if (install
                            && CodexConfig.userNotify(
                                    java.nio.file.Files.exists(f) ? java.nio.file.Files.readString(f) : "")) {
                        System.out.println(
                                "muxbar: kept your notify program (Codex runs one); the Stop hook tells muxbar a turn's end");
                    }
                    ClaudeSettings hooks = new ClaudeSettings(ClaudeSettings.CODEX);
                    String command = (script.contains(" ") ? "'" + script + "'" : script) + " codex";
                    r = HookFiles.edit(
                            f.resolveSibling("hooks.json"),
                            install ? t -> hooks.add(t, command) : hooks::remove,
                            dryRun,
                            install,
                            "{}\n");
                }
                default -> {
                    System.err.println(
                            "muxbar: hooks exist for claude and codex; other agents are watched by their screen "
                                    + "or can POST /agent-event");
                    return 2;
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("muxbar: " + e.getMessage() + " (nothing was changed)");
            return 1;
        }
        System.out.println("muxbar: " + r.message());
        return 0;
    }
}
