package dev.muxbar.daemon;

import dev.muxbar.agents.AgentRules;
import dev.muxbar.agents.Identity;
import dev.muxbar.agents.Processes;
import dev.muxbar.agents.Tracker;
import dev.muxbar.agentservice.AgentService;
import dev.muxbar.api.ApiServer;
import dev.muxbar.config.Paths;
import dev.muxbar.keys.KeyBinder;
import dev.muxbar.model.Model;
import dev.muxbar.sidebar.SidebarService;
import dev.muxbar.sidebar.SidebarStore;
import dev.muxbar.state.Core;
import dev.muxbar.state.CoreParts;
import dev.muxbar.state.Event;
import dev.muxbar.state.EventLoop;
import dev.muxbar.theme.ThemeService;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.ControlGateway;
import dev.muxbar.tmux.TmuxAddress;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon for one tmux server. {@link #run} blocks until the tmux server goes away (then the
 * runtime dir is removed) or the process is asked to stop (then the order file stays for the shell
 * fast path).
 */
public final class Daemon {

    /** sun_path holds 108 bytes including the terminating NUL. */
    static final int MAX_SOCKET_PATH = 107;

    private final TmuxAddress address;
    private final Paths paths;
    private final String version;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean serverGone = new AtomicBoolean();
    private final AtomicBoolean cleaned = new AtomicBoolean();

    private DaemonLog log;
    private DaemonLock lock;
    private EventLoop loop;
    private ExecutorService io;
    private ControlGateway gateway;
    private dev.muxbar.model.Scheduler.Cancellable windowWatch;
    private ApiServer api;
    private dev.muxbar.events.EventHub events;
    private Core core;
    private SidebarService sidebars;
    private ThemeService themes;
    private KeyBinder keyBinder;
    private WebService web;
    private AgentService agents;
    private dev.muxbar.tmux.PaneWatch paneWatch;
    private HostsService hosts;
    private String claim; // this daemon's claim on the tmux server, once made

    public Daemon(TmuxAddress address, Paths paths, String version) {
        this.address = address;
        this.paths = paths;
        this.version = version;
    }

    /** Runs the daemon; returns the process exit code. Messages for the user go to {@code out}. */
    public int run(PrintStream out) {
        try {
            int sockLen = paths.socket().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (sockLen > MAX_SOCKET_PATH) {
                out.println("muxbar: the socket path " + paths.socket() + " is " + sockLen
                        + " bytes; Unix sockets allow " + MAX_SOCKET_PATH
                        + ": set MUXBAR_RUNTIME_DIR (or XDG_RUNTIME_DIR) to a shorter directory");
                return 1;
            }
            paths.createRuntimeDir();
            lock = DaemonLock.acquire(paths.lock()).orElse(null);
            if (lock == null) {
                out.println("muxbar: a daemon already serves " + address.socket() + " (pid "
                        + DaemonLock.holder(paths.lock()) + ")");
                return 0;
            }
            Optional<String> other = claimServer();
            if (other.isPresent()) {
                String[] f = other.get().split(" ", 3);
                out.println("muxbar: a daemon already serves " + address.socket() + " (pid " + f[0] + ", runtime dir "
                        + f[2] + ")");
                lock.close();
                lock = null;
                if (!paths.runtimeDir().toString().equals(f[2])) {
                    Checkout.deleteQuietly(paths.lock()); // a runtime dir of its own that served nothing: as it was
                    Checkout.deleteQuietly(paths.runtimeDir()); // (only when empty)
                }
                return 0;
            }
            log = new DaemonLog(paths.log(), DaemonLog.DEFAULT_MAX_BYTES);
            log.accept("starting muxbar " + version + " pid "
                    + ProcessHandle.current().pid() + " for tmux server " + address.socket());
            paths.createStateDir();
            start();
        } catch (IOException e) {
            out.println("muxbar: " + e.getMessage());
            if (log != null) {
                log.accept("cannot start: " + e.getMessage());
            }
            if (e instanceof ControlGateway.NoServer) {
                serverGone.set(true); // nothing to serve: leave no runtime files behind either
            }
            cleanup();
            return 1;
        } catch (Exception e) {
            out.println("muxbar: cannot start the daemon: " + e);
            if (log != null) {
                log.accept("cannot start: " + e);
            }
            cleanup();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::cleanup, "muxbar-shutdown"));
        awaitStop();
        cleanup();
        return 0;
    }

    private void start() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> log.accept("uncaught in " + t.getName() + ": " + e));
        loop = new EventLoop(e -> log.accept("loop error: " + e));
        io = dev.muxbar.state.Threads.lazy("muxbar-io", 1);
        OrderStore store = new OrderStore(paths.orderState(), log);
        AgentRules rules = AgentRules.load(Paths.configDir(System.getenv()).resolve("agents"), log);
        Processes processes = Processes.system();
        // tmux's notifications go to whoever subscribes below; the gateway reads them from now on,
        // and the loop's first refresh (core.start) reads everything anyway.
        Notifications notifications = new Notifications();
        gateway = ControlGateway.connect(address, notifications, notifications::reconnected, this::onServerGone, log);
        DaemonOptions options = DaemonOptions.read(gateway);
        log.debugging(options.debug() || "1".equals(System.getenv("MUXBAR_DEBUG")));
        SidebarStore sidebarStore = new SidebarStore(paths.stateDir().resolve("sidebar.json"), log);
        themes = options.themeService(paths, loop, log);
        core = new Core(
                loop,
                loop,
                gateway::refresh,
                gateway::paneProcesses,
                store.load(),
                dev.muxbar.state.CoreTiming.DEFAULT,
                log,
                CoreParts.NONE
                        .tracing(log.debugLazily())
                        .saving(book -> store.save(book, io))
                        .agents(new Tracker(processes), new Identity(rules, processes))
                        .choosing(sidebarStore.load(options.choices()))
                        .showing(themes));
        notifications.add(n -> core.post(new Event.TmuxChanged(n)));
        notifications.onReconnect(() -> core.post(new Event.Reconcile()));
        notifications.onReconnect(this::announceControlClient);
        announceControlClient();
        windowWatch = gateway.watchWindows(loop);
        // Files follow only their part of the model: agent changes wake no io thread.
        core.subscribe(io, new OrderFile(paths.orderFile(), log), Model::shown);
        core.subscribe(io, store, Model::order);
        core.subscribe(io, sidebarStore, Model::choices);
        dev.muxbar.act.AgentActions agentActions = new dev.muxbar.act.AgentActions(
                gateway,
                loop,
                core::model,
                rules,
                m -> log.accept("agent action: " + m),
                s -> core.post(new Event.AgentSignal(s, null)));
        paneWatch = new dev.muxbar.tmux.PaneWatch(gateway, loop, loop);
        hosts = HostsService.start(options, paths.runtimeDir(), loop, core, log);
        dev.muxbar.resume.Revival revival =
                AgentLives.start(options, paths, gateway, loop, io, core, processes, agentActions, log);
        sidebars = new SidebarService(
                gateway,
                paneWatch,
                core,
                loop,
                loop,
                themes,
                Checkout.sidebarScript().toString(),
                log,
                agentActions,
                hosts,
                revival);
        themes.onShow(t -> {
            sidebars.setTheme(t);
            core.post(new Event.ThemeShown(t.name()));
        });
        core.post(new Event.ThemeShown(themes.current().name()));
        themes.start();
        core.subscribe(loop, sidebars::onModel);
        agents = AgentServices.start(
                options, paths, gateway, paneWatch, core, loop, io, rules, processes, sidebars, log);
        keyBinder = new KeyBinder(
                gateway,
                loop,
                options.get("@muxbar-bound-keys"),
                Checkout.sidebarScript().resolveSibling("switch-index").toString(),
                log);
        core.subscribe(loop, keyBinder);
        core.subscribe(loop, new ControlSeat(gateway, log));
        events = new dev.muxbar.events.EventHub(loop, loop);
        core.subscribe(loop, events::onModel);
        core.subscribe(loop, new dev.muxbar.events.StatusLine(gateway)::onModel);
        api = new ApiServer(
                paths.socket(),
                core,
                version,
                address.socket().toString(),
                new DaemonActions(
                        loop,
                        gateway,
                        core,
                        sidebars,
                        themes,
                        keyBinder,
                        agentActions,
                        events,
                        revival,
                        agents,
                        web = WebService.start(
                                options, paths, gateway, core, events, agentActions, hosts, themes, agents, log)));
        gateway.send(Commands.unsetGlobalOption("@muxbar-stopped")); // this daemon is wanted: revive it if it dies
        loop.execute(core::start);
        log.accept("ready: control client pid " + gateway.clientPid() + ", api " + paths.socket());
    }

    /**
     * Names the control client in {@code @muxbar-control}: the plugin's hooks start a daemon only
     * while no client of that name is attached, so a switch forks nothing while this daemon lives.
     */
    private void announceControlClient() {
        gateway.send(Commands.setGlobalOption("@muxbar-control", "client-" + gateway.clientPid()));
    }

    /**
     * Claims the tmux server ({@link ServerClaim}); the claim of the live daemon that serves it
     * instead, if one does. A server that does not answer is reported as such.
     */
    private Optional<String> claimServer() throws IOException {
        claim = ServerClaim.mine(paths.runtimeDir());
        try {
            return ServerClaim.take(ServerClaim.of(address), claim);
        } catch (IOException e) {
            claim = null;
            if (!dev.muxbar.tmux.TmuxProcess.answers(address.socket())) {
                throw new ControlGateway.NoServer(address);
            }
            throw e;
        }
    }

    private void onServerGone() {
        serverGone.set(true);
        stopped.countDown();
    }

    /** Asks a running daemon to stop (tests, CLI in-process use). */
    public void stop() {
        stopped.countDown();
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Idempotent: releases everything; runs from {@link #run} and from the shutdown hook. */
    private void cleanup() {
        if (!cleaned.compareAndSet(false, true)) {
            return;
        }
        if (events != null) {
            events.close();
        }
        if (api != null) {
            api.close();
        }
        if (web != null) {
            web.close();
        }
        if (hosts != null) {
            hosts.close();
        }
        if (loop != null && core != null) {
            // In order, on the loop (the only writer), before the gateway closes: no more refreshes,
            // ttys closed (panes kept: a new daemon re-adopts them), the shell fast path bound again.
            loop.runAndWait(
                    () -> {
                        core.stop();
                        if (agents != null) {
                            agents.close();
                        }
                        if (sidebars != null) {
                            sidebars.close();
                        }
                        if (themes != null) {
                            themes.close();
                        }
                        if (keyBinder != null && !serverGone.get()) {
                            keyBinder.restore();
                        }
                    },
                    3_000);
        }
        if (gateway != null && !serverGone.get()) {
            // Stopped on purpose: the plugin's client-detached hook must not start another daemon when
            // this one's control client goes away. (A killed daemon never gets here: it is replaced.)
            try {
                gateway.send(Commands.setGlobalOption("@muxbar-stopped", "1")).get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the server may be going away as well
            }
        }
        if (windowWatch != null) {
            windowWatch.cancel(); // before the loop stops: a last tick would schedule on a closed loop
        }
        if (paneWatch != null && loop != null) {
            loop.runAndWait(paneWatch::close, 1_000);
        }
        if (claim != null && !serverGone.get()) {
            ServerClaim.release(ServerClaim.of(address), claim);
        }
        if (gateway != null) {
            gateway.close();
        }
        if (loop != null) {
            loop.close();
        }
        Checkout.shutdown(io);
        if (lock != null) {
            Checkout.deleteQuietly(paths.socket());
            if (serverGone.get()) {
                Checkout.forgetRuntime(paths); // the tmux server is gone: nothing here can serve anyone any more
            } else if (log != null) {
                log.accept("stopped");
            }
            lock.close();
        }
    }
}
