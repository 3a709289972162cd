package dev.muxbar.daemon;

import dev.muxbar.keys.KeyBinder;
import dev.muxbar.sidebar.SidebarService;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event;
import dev.muxbar.theme.ThemeResult;
import dev.muxbar.theme.ThemeService;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxCommand;
import dev.muxbar.tmux.TmuxGateway;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What the API asks of the daemon's services beyond the model: each runs on the loop (the only
 * thread that touches the services), or is a tmux command sent through the gateway.
 */
final class DaemonActions implements dev.muxbar.api.ServerActions {

    private final Executor loop;
    private final TmuxGateway tmux;
    private final Core core;
    private final SidebarService sidebars;
    private final ThemeService themes;
    private final KeyBinder keys;
    private final dev.muxbar.act.AgentActions agentActions;
    private final dev.muxbar.events.EventHub events;
    private final dev.muxbar.resume.Revival revival;
    private final dev.muxbar.agents.UsageDesk usage;
    private final WebService web;

    @Override
    public Object web(String verb, Map<String, String> args) throws java.io.IOException {
        return switch (verb) {
            case "on" ->
                web.on(
                        args.get("listen"),
                        "1".equals(args.get("behindProxy")),
                        args.get("hosts"),
                        "1".equals(args.get("tls")),
                        true);
            case "off" -> web.off();
            case "status" -> web.status();
            case "pair" -> web.pair(args.get("name"));
            case "devices" -> web.devices();
            case "revoke" -> {
                if (!web.revoke(args.getOrDefault("name", ""))) {
                    throw new IllegalStateException("no device called " + args.get("name") + " (muxbar web devices)");
                }
                yield Map.of("revoked", args.get("name"));
            }
            default -> throw new IllegalArgumentException("no web verb " + verb);
        };
    }

    @Override
    public dev.muxbar.agents.UsageDesk usage() {
        return usage;
    }

    @Override
    public dev.muxbar.events.EventHub events() {
        return events;
    }

    DaemonActions(
            Executor loop,
            TmuxGateway tmux,
            Core core,
            SidebarService sidebars,
            ThemeService themes,
            KeyBinder keys,
            dev.muxbar.act.AgentActions agentActions,
            dev.muxbar.events.EventHub events,
            dev.muxbar.resume.Revival revival,
            dev.muxbar.agents.UsageDesk usage,
            WebService web) {
        this.web = web;
        this.usage = usage;
        this.revival = revival;
        this.agentActions = agentActions;
        this.events = events;
        this.loop = loop;
        this.tmux = tmux;
        this.core = core;
        this.sidebars = sidebars;
        this.themes = themes;
        this.keys = keys;
    }

    @Override
    public dev.muxbar.act.AgentActions agentActions() {
        return agentActions;
    }

    @Override
    public CompletableFuture<String> next(String clientTty) {
        return onLoop(() -> {
            dev.muxbar.model.Model m = core.model();
            List<dev.muxbar.model.Urgent> urgent = m == null ? List.of() : m.urgent();
            if (urgent.isEmpty()) {
                tmux.send(Commands.message(clientTty, 2_000, "muxbar: no agent needs you"));
                return "";
            }
            String at = m.snapshot().clients().stream()
                    .filter(c -> c.tty().equals(clientTty))
                    .map(dev.muxbar.model.Snapshot.Client::sessionId)
                    .findFirst()
                    .orElse("");
            dev.muxbar.model.Urgent to = urgent.get(0);
            if (to instanceof dev.muxbar.model.Urgent.Here h && h.sessionId().equals(at) && urgent.size() > 1) {
                to = urgent.get(1); // pressed there: the next one
            }
            if (to instanceof dev.muxbar.model.Urgent.Here h) {
                Commands.switchUser(dev.muxbar.model.Seat.of(m.snapshot()), clientTty, h.sessionId())
                        .forEach(tmux::send);
                return h.sessionId();
            } else if (to instanceof dev.muxbar.model.Urgent.There t) {
                sidebars.openRemote(t.host(), t.session().server(), t.session().name(), t.pane(), clientTty);
                return t.session().name() + "@" + t.host();
            }
            throw new AssertionError(to);
        });
    }

    @Override
    public CompletableFuture<List<Map<String, Object>>> resume(String target, boolean dryRun) {
        return onLoop(() -> revival.resume(target, dryRun))
                .thenCompose(f -> f)
                .thenApply(outcomes -> outcomes.stream()
                        .map(o -> Map.<String, Object>of("agent", o.agent(), "done", o.done(), "said", o.said()))
                        .toList());
    }

    @Override
    public CompletableFuture<String> newAgent(
            String agent, String branch, String base, String dir, String session, String prompt, List<String> args) {
        return onLoop(() -> revival.start(
                        new dev.muxbar.resume.Starter.Request(agent, branch, base, dir, session, prompt, args)))
                .thenCompose(f -> f);
    }

    @Override
    public CompletableFuture<Void> resumePolicy() {
        return onLoop(() -> {
            revival.applyPolicySoon();
            return null;
        });
    }

    @Override
    public CompletableFuture<String> hibernate(String pane) {
        return onLoop(() -> revival.hibernate(pane)).thenCompose(f -> f);
    }

    @Override
    public CompletableFuture<List<Map<String, Object>>> remembered(boolean ended) {
        return onLoop(() -> {
            dev.muxbar.resume.Memory m = revival.memory();
            List<Map<String, Object>> out = new java.util.ArrayList<>();
            for (dev.muxbar.resume.Remembered e : ended ? m.ended() : m.entries()) {
                if (ended || e.state() != dev.muxbar.resume.Remembered.State.ENDED) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("agent", e.agent());
                    row.put("resumeId", e.resumeId());
                    row.put(
                            "state",
                            m.running().contains(e.key())
                                    ? "running"
                                    : e.state().name().toLowerCase(java.util.Locale.ROOT));
                    row.put("cwd", e.cwd());
                    row.put("argv", e.argv());
                    row.put("env", e.env());
                    row.put("session", e.session());
                    row.put("window", e.window());
                    row.put("pane", e.pane());
                    row.put("status", e.status());
                    row.put("at", e.at());
                    row.put("freedKb", e.freedKb());
                    row.put("error", e.error());
                    out.add(row);
                }
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<?>> describe() {
        return onLoop(sidebars::describe);
    }

    @Override
    public <T> CompletableFuture<T> tmux(TmuxCommand<T> command) {
        return tmux.send(command);
    }

    @Override
    public CompletableFuture<Map<String, Object>> themes() {
        return onLoop(themes::describe);
    }

    @Override
    public CompletableFuture<ThemeResult> setTheme(String name, boolean keep) {
        CompletableFuture<ThemeResult> done = new CompletableFuture<>();
        core.post(new Event.ChooseTheme(name, keep, done)); // the same event as the sidebar's t key
        return done;
    }

    /** The option is read off the loop (a tmux round trip); the rebinding happens on it. */
    @Override
    public CompletableFuture<Integer> rebindKeys() {
        return tmux.send(Commands.globalOption("@muxbar-bound-keys"))
                .thenCompose(recorded -> onLoop(() -> {
                    keys.reload(recorded, core.model());
                    return KeyBinder.parse(recorded).size();
                }));
    }

    private <T> CompletableFuture<T> onLoop(Supplier<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                done.complete(work.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }
}
