package dev.muxbar.daemon;

import dev.muxbar.act.AgentDoor;
import dev.muxbar.act.OtherMachines;
import dev.muxbar.hosts.Backoff;
import dev.muxbar.hosts.Host;
import dev.muxbar.hosts.HostLink;
import dev.muxbar.hosts.HostStore;
import dev.muxbar.hosts.ProcessSpawner;
import dev.muxbar.hosts.RemoteAgents;
import dev.muxbar.hosts.RemoteFeed;
import dev.muxbar.hosts.RemoteState;
import dev.muxbar.hosts.Ssh;
import dev.muxbar.model.HostView;
import dev.muxbar.model.RemoteSession;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event;
import dev.muxbar.state.EventLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.eclipse.jetty.client.HttpClient;

/**
 * The other machines: one {@link HostLink} per host the user named ({@code @muxbar-hosts}, and
 * {@code muxbar hosts add}), each in a private dir of its own under the runtime dir; while a link is
 * up, a {@link RemoteFeed} per daemon it reached reads that daemon's sessions and agents. Each host's
 * state and sessions go to {@link Core} as the model's {@link HostView} (a host that went down keeps
 * the sessions last seen). The links and feeds run on the loop; ssh does the networking, one HTTP
 * client (a few threads, made only when there are hosts) reads every stream.
 */
final class HostsService implements AutoCloseable, OtherMachines {

    private final List<HostLink> links = new ArrayList<>();
    private final List<Feeds> feeds = new ArrayList<>();
    private final Path dir;
    private final EventLoop loop;
    private HttpClient http;

    private HostsService(Path dir, EventLoop loop) {
        this.dir = dir;
        this.loop = loop;
    }

    /** Why a daemon's stream stopped, and since when. */
    private record Problem(String why, long since) {}

    /** One host's feeds and the sessions they read, by the tmux server they come from. */
    private final class Feeds {
        final Host host;
        final Core core;
        final Consumer<String> log;
        final List<RemoteFeed> open = new ArrayList<>();
        final Map<String, List<RemoteSession>> sessions = new java.util.LinkedHashMap<>();
        final Map<String, Problem> problems = new java.util.HashMap<>(); // by tmux server: a stream that stopped
        HostLink.Status status;

        Feeds(Host host, Core core, Consumer<String> log) {
            this.host = host;
            this.core = core;
            this.log = log;
        }

        /** The link changed: feeds for the daemons of a link that is up, none otherwise. */
        void linked(HostLink.Status s) {
            status = s;
            open.forEach(RemoteFeed::close);
            open.clear();
            problems.clear();
            if (s.state() == HostLink.State.UP) {
                sessions.keySet()
                        .retainAll(
                                s.daemons().stream().map(HostLink.Daemon::tmux).toList());
                for (HostLink.Daemon d : s.daemons()) {
                    RemoteFeed f = new RemoteFeed(
                            http(),
                            d.socket(),
                            host.name(),
                            d.tmux(),
                            loop,
                            loop,
                            now -> {
                                sessions.put(d.tmux(), now);
                                problems.remove(d.tmux());
                                post();
                            },
                            why -> {
                                if (problems.putIfAbsent(d.tmux(), new Problem(why, loop.now())) == null) {
                                    log.accept("host " + host.name() + ": " + why);
                                    post();
                                }
                            });
                    open.add(f);
                    f.start();
                }
            }
            post();
        }

        void post() {
            List<RemoteSession> all = new ArrayList<>();
            sessions.values().forEach(all::addAll);
            HostView v = view(status).with(all.subList(0, Math.min(all.size(), RemoteState.MAX_SESSIONS)));
            if (v.up() && !problems.isEmpty()) {
                // The link is up but a daemon there does not answer (stopped, or hanging): stalled.
                Problem p = problems.values().iterator().next();
                v = new HostView(v.name(), "stalled", p.since(), p.why(), v.servers(), v.sessions());
            }
            core.post(new Event.HostChanged(host.name(), v));
        }
    }

    private HttpClient http() {
        if (http == null) {
            org.eclipse.jetty.util.thread.QueuedThreadPool pool =
                    new org.eclipse.jetty.util.thread.QueuedThreadPool(4, 1, 10_000);
            pool.setName("muxbar-hosts");
            pool.setDaemon(true);
            http = new HttpClient();
            http.setExecutor(pool);
            try {
                http.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the HTTP client for the hosts", e);
            }
        }
        return http;
    }

    /**
     * The links for the configured hosts, started; the ssh config and the remote muxbar from the
     * options, else the daemon's environment ({@code MUXBAR_SSH_CONFIG}, {@code MUXBAR_REMOTE_COMMAND}).
     */
    static HostsService start(DaemonOptions options, Path runtimeDir, EventLoop loop, Core core, Consumer<String> log) {
        Map<String, String> env = System.getenv();
        HostsService s = new HostsService(runtimeDir.resolve("hosts"), loop);
        String config = or(options.get("@muxbar-ssh-config"), env.get("MUXBAR_SSH_CONFIG"));
        Ssh ssh = new Ssh(config.isEmpty() ? null : Path.of(config));
        String remote = or(options.get("@muxbar-remote-command"), env.get("MUXBAR_REMOTE_COMMAND"));
        List<Host> hosts = configured(options.get("@muxbar-hosts"), new HostStore(HostStore.file(env), log), log);
        for (int i = 0; i < hosts.size(); i++) {
            Host h = hosts.get(i);
            Feeds f = s.new Feeds(h, core, log);
            s.feeds.add(f);
            HostLink link = new HostLink(
                    h,
                    ssh,
                    remote,
                    s.dir.resolve("h" + i), // short: a socket path has at most 108 bytes
                    new ProcessSpawner(),
                    loop,
                    loop,
                    f::linked,
                    Files::exists,
                    new Backoff(bound -> ThreadLocalRandom.current().nextLong(bound)));
            s.links.add(link);
            f.linked(link.status());
            loop.execute(link::start);
        }
        if (!hosts.isEmpty()) {
            log.accept("hosts: " + hosts.stream().map(Host::name).toList());
        }
        return s;
    }

    // --- the other machines as the sidebar reaches them (on the loop) ---

    @Override
    public Optional<AgentDoor> agents(String host, String server) {
        return remote(host, server).map(r -> r);
    }

    @Override
    public CompletableFuture<List<String>> screen(String host, String server, String pane) {
        return remote(host, server)
                .map(r -> r.screen(pane))
                .orElseGet(() -> CompletableFuture.failedFuture(new IllegalStateException(host + " is not up")));
    }

    @Override
    public Optional<List<String>> attach(String host, String server, String session, String pane) {
        for (HostLink link : links) {
            if (link.status().host().name().equals(host)) {
                return link.attach(server, session, pane);
            }
        }
        return Optional.empty();
    }

    /** The API of the daemon of {@code server} on {@code host}, while its link is up. */
    private Optional<RemoteAgents> remote(String host, String server) {
        for (HostLink link : links) {
            HostLink.Status st = link.status();
            if (st.host().name().equals(host) && st.state() == HostLink.State.UP) {
                for (HostLink.Daemon d : st.daemons()) {
                    if (d.tmux().equals(server)) {
                        return Optional.of(new RemoteAgents(http(), d.socket(), host));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code @muxbar-hosts} (words), then the hosts file; each once, bad names left out and logged. */
    static List<Host> configured(String option, HostStore store, Consumer<String> log) {
        Set<Host> out = new LinkedHashSet<>();
        for (String word : option.strip().split("\\s+")) {
            if (!word.isEmpty() && out.size() < HostStore.MAX_HOSTS) {
                try {
                    out.add(new Host(word));
                } catch (IllegalArgumentException e) {
                    log.accept("@muxbar-hosts: left out " + e.getMessage());
                }
            }
        }
        for (Host h : store.load()) {
            if (out.size() < HostStore.MAX_HOSTS) {
                out.add(h);
            }
        }
        return List.copyOf(out);
    }

    static HostView view(HostLink.Status s) {
        String state = switch (s.state()) {
            case CONNECTING -> "connecting";
            case UP -> "up";
            case NEEDS_LOGIN -> "needs-login";
            case DOWN -> "down";
        };
        return new HostView(
                s.host().name(),
                state,
                s.since(),
                s.reason(),
                s.daemons().stream().map(HostLink.Daemon::tmux).toList());
    }

    private static String or(String option, String env) {
        return option != null && !option.isBlank() ? option.strip() : env == null ? "" : env.strip();
    }

    /** Ends every link (their ssh masters, and with them the forwards) and removes their sockets. */
    @Override
    public void close() {
        loop.runAndWait(
                () -> {
                    feeds.forEach(f -> f.open.forEach(RemoteFeed::close));
                    links.forEach(HostLink::close);
                },
                2_000);
        if (http != null) {
            try {
                http.stop();
            } catch (Exception e) {
                // stopping anyway
            }
        }
        if (Files.isDirectory(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(Checkout::deleteQuietly);
            } catch (java.io.IOException | RuntimeException e) {
                // gone meanwhile
            }
        }
    }
}
