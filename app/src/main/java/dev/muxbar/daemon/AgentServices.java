package dev.muxbar.daemon;

import dev.muxbar.agents.AgentFiles;
import dev.muxbar.agents.AgentRules;
import dev.muxbar.agents.Processes;
import dev.muxbar.agentservice.AgentService;
import dev.muxbar.config.AgentDirs;
import dev.muxbar.config.Paths;
import dev.muxbar.sidebar.SidebarService;
import dev.muxbar.state.Core;
import dev.muxbar.state.EventLoop;
import dev.muxbar.tmux.PaneWatch;
import dev.muxbar.tmux.TmuxGateway;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The agent service as the user's options make it: the agents' files read or not
 * ({@code @muxbar-agent-files}; the usage days in {@code usage.json} of the state dir), the notify
 * command and terminal notifications, the context share that warns ({@code @muxbar-context-warn}).
 */
final class AgentServices {
    private AgentServices() {}

    static AgentService start(
            DaemonOptions options,
            Paths paths,
            TmuxGateway gateway,
            PaneWatch paneWatch,
            Core core,
            EventLoop loop,
            Executor io,
            AgentRules rules,
            Processes processes,
            SidebarService sidebars,
            Consumer<String> log) {
        AgentFiles files = options.agentFiles()
                ? AgentFiles.forUser(
                        AgentDirs.of(System.getenv()),
                        processes,
                        paths.stateDir().resolve("usage.json"),
                        log)
                : AgentFiles.off();
        AgentService agents =
                new AgentService(gateway, paneWatch, core, loop, loop, io, rules, files, log, sidebars::notice);
        agents.notifyCommand(options.get("@muxbar-notify-command"), log);
        agents.notifyTerminals(options.get("@muxbar-notify-terminal"), sidebars::notifyTerminal);
        agents.contextWarn(options.get("@muxbar-context-warn"));
        agents.notifyOn(options.get("@muxbar-notify-on"));
        core.subscribe(loop, agents::onModel);
        return agents;
    }
}
