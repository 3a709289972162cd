package dev.muxbar.daemon;

import dev.muxbar.agents.Processes;
import dev.muxbar.config.Paths;
import dev.muxbar.resume.AgentMemory;
import dev.muxbar.resume.Hibernator;
import dev.muxbar.resume.Kinds;
import dev.muxbar.resume.MemoryStore;
import dev.muxbar.resume.Resumer;
import dev.muxbar.resume.Revival;
import dev.muxbar.resume.Starter;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event;
import dev.muxbar.state.EventLoop;
import dev.muxbar.tmux.TmuxGateway;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Agents that outlive their processes, put together for one daemon: the memory of this tmux server's
 * agents ({@code agents.json} in its state dir), the resume kinds (built in, and the user's
 * {@code resume.json}), the resumer, the hibernator and the starter, what each agent costs the machine
 * ({@code CostWatch}), and the policies from the options
 * ({@code @muxbar-resume}, {@code @muxbar-resume-env}, {@code @muxbar-hibernate-after}).
 */
final class AgentLives {
    private AgentLives() {}

    static Revival start(
            DaemonOptions options,
            Paths paths,
            TmuxGateway tmux,
            EventLoop loop,
            Executor io,
            Core core,
            Processes processes,
            dev.muxbar.act.AgentActions agentActions,
            Consumer<String> log) {
        Kinds kinds = Kinds.load(Paths.configDir(System.getenv()).resolve("resume.json"), log);
        List<String> extraEnv = Arrays.stream(
                        options.get("@muxbar-resume-env").strip().split("[\\s,]+"))
                .filter(n -> n.matches("[A-Za-z_][A-Za-z0-9_]{0,63}"))
                .toList();
        AgentMemory memory = new AgentMemory(
                new MemoryStore(paths.stateDir().resolve("agents.json"), log),
                processes,
                kinds.envNames(extraEnv),
                loop,
                io,
                now -> core.post(new Event.ResumableChanged(now)),
                System::currentTimeMillis,
                log);
        Path wake;
        try {
            wake = Checkout.sidebarScript().resolveSibling("wake-agent");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot find this checkout's scripts", e);
        }
        dev.muxbar.resume.ReadyPrompts prompts = new dev.muxbar.resume.ReadyPrompts(agentActions, loop, log);
        Resumer resumer = new Resumer(tmux, loop, loop, kinds, memory, prompts, log);
        Hibernator hibernator = new Hibernator(tmux, loop, loop, kinds, memory, processes, wake.toString(), log);
        Starter starter = new Starter(tmux, loop, loop, io, kinds, options.get("@muxbar-worktree-dir"), prompts, log);
        Revival revival = new Revival(
                memory,
                resumer,
                hibernator,
                starter,
                core::model,
                loop,
                n -> core.post(new Event.ShowNotice(n)),
                options.get("@muxbar-resume"),
                Revival.duration(options.get("@muxbar-hibernate-after")),
                () -> tmux.send(dev.muxbar.tmux.Commands.globalOption("@muxbar-restoring"))
                        .handle((v, err) -> err == null && v != null && !v.isBlank()));
        memory.start();
        new dev.muxbar.agentservice.CostWatch(
                        processes,
                        new dev.muxbar.agents.CostSampler(dev.muxbar.agents.CostSampler.system()),
                        loop,
                        io,
                        core::model,
                        now -> core.post(new Event.CostsChanged(now)))
                .start();
        core.subscribe(loop, memory);
        core.subscribe(loop, revival::onModel);
        return revival;
    }
}
