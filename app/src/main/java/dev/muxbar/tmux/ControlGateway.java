package dev.muxbar.tmux;

import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link TmuxGateway} over one control-mode client, reconnecting when tmux detaches it (its session
 * was destroyed, someone ran {@code detach-client -a}). When no client can attach any more and the
 * server's socket takes no connection, the tmux server is gone and {@code onServerGone} runs once.
 * While the socket still takes connections, failed attaches are retried with a growing pause for up
 * to {@link #LISTENING_PATIENCE_MS}: a busy server (a loaded machine, a tracer on the daemon) can
 * take longer than one attempt allows, and concluding "gone" then would end the daemon and delete
 * its files under a server that lives on. The first attach is as patient (a daemon started while
 * tmux restores many sessions), but where no socket listens it fails at once ({@link NoServer}).
 */
public final class ControlGateway implements TmuxGateway {

    /** Attempts to re-attach before concluding the server is gone. */
    private static final int RECONNECT_ATTEMPTS = 3;
    /** How long failed attaches are retried while the server's socket still takes connections. */
    static final long LISTENING_PATIENCE_MS = 20_000;
    /** How often the window digest is read (tmux's subscription timer checked once a second too). */
    static final long DIGEST_MS = 1_000;

    /** Starts one control client (a {@code tmux -C attach}, or a fake peer in tests). */
    interface Starter {
        ControlClient start(Consumer<Notification> listener, Runnable onClosed) throws IOException;
    }

    private final TmuxAddress address;
    private final Starter starter;
    private final Consumer<Notification> listener;
    private final Runnable onReconnected;
    private final Runnable onServerGone;
    private final Consumer<String> log;
    private final java.util.function.BooleanSupplier listening;
    private volatile ControlClient client;
    private volatile EnumMap<Formats.Part, List<String[]>> cache = new EnumMap<>(Formats.Part.class);
    private volatile ControlClient cachedFor;
    private volatile boolean closing;
    private volatile String lastDigest; // the reader thread's, one reply at a time

    private ControlGateway(
            TmuxAddress address,
            Starter starter,
            Consumer<Notification> listener,
            Runnable onReconnected,
            Runnable onServerGone,
            Consumer<String> log,
            java.util.function.BooleanSupplier listening) {
        this.address = address;
        this.listening = listening;
        this.starter = starter;
        this.listener = listener;
        this.onReconnected = onReconnected;
        this.onServerGone = onServerGone;
        this.log = log;
    }

    /**
     * Connects, or throws when no tmux server answers at the address.
     *
     * @param listener notifications, on the reader thread (post them to the loop; do not block)
     */
    public static ControlGateway connect(
            TmuxAddress address,
            Consumer<Notification> listener,
            Runnable onReconnected,
            Runnable onServerGone,
            Consumer<String> log)
            throws IOException {
        return connect(
                address,
                (l, closed) -> ControlClient.start(address, l, closed),
                listener,
                onReconnected,
                onServerGone,
                log);
    }

    /** {@link #connect}, with control clients from {@code starter}. */
    static ControlGateway connect(
            TmuxAddress address,
            Starter starter,
            Consumer<Notification> listener,
            Runnable onReconnected,
            Runnable onServerGone,
            Consumer<String> log)
            throws IOException {
        ControlGateway g = new ControlGateway(
                address, starter, listener, onReconnected, onServerGone, log, () -> listening(address.socket()));
        ControlClient c = g.attachPatiently(1);
        if (c == null) {
            throw new NoServer(address);
        }
        g.client = c;
        return g;
    }

    /** Starts a client and proves it answers; null when it cannot attach. */
    private ControlClient attach() {
        // The close callback names the client it belongs to, which exists only once start returns.
        java.util.concurrent.atomic.AtomicReference<ControlClient> self =
                new java.util.concurrent.atomic.AtomicReference<>();
        try {
            self.set(starter.start(listener, () -> onClosed(self.get())));
            ControlParser.Reply r = self.get().send("display-message -p muxbar").get(2, TimeUnit.SECONDS);
            if (!r.error()) {
                return self.get();
            }
        } catch (IOException
                | RuntimeException
                | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            // fall through: not attached
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (self.get() != null) {
            self.get().close();
        }
        return null;
    }

    private void onClosed(ControlClient which) {
        if (closing || which == null || which != client) {
            return; // a probe that failed, or an old client
        }
        ControlClient c = attachPatiently(RECONNECT_ATTEMPTS);
        if (c != null) {
            client = c;
            log.accept("control client re-attached (pid " + c.pid() + ")");
            onReconnected.run();
        } else if (!closing) {
            log.accept("tmux server at " + address.socket() + " is gone");
            onServerGone.run();
        }
    }

    /**
     * Attaches: {@code quick} attempts at once, then, while the server's socket still takes
     * connections, more with a growing pause, for up to {@link #LISTENING_PATIENCE_MS}. Null when
     * no client could attach (or the gateway is closing).
     */
    private ControlClient attachPatiently(int quick) {
        long patience = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LISTENING_PATIENCE_MS);
        for (int i = 0; !closing; i++) {
            ControlClient c = attach();
            if (c != null) {
                if (i > 0) {
                    log.accept("control client attached after " + (i + 1) + " attempts");
                }
                return c;
            }
            if (i + 1 < quick) {
                continue;
            }
            if (!listening.getAsBoolean() || System.nanoTime() > patience) {
                return null;
            }
            if (i + 1 == quick) {
                log.accept("control client cannot attach, but the tmux server still listens: trying again");
            }
            try {
                Thread.sleep(Math.min(2_000, 100L << Math.min(5, i + 1 - quick)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /**
     * Watches every window's layout, zoom and active pane in all sessions (tmux notifies those only
     * for the control client's session): the digest of {@link Formats#windowDigestCommand} is read
     * every {@link #DIGEST_MS} on {@code scheduler}, and a change is passed to the listener as a
     * {@code muxbar-windows} subscription change.
     *
     * <p>Why not tmux's own {@code refresh-client -B} subscription, which did this before: tmux 3.3a's
     * subscription timer reads the control client's session without checking it, and that session is
     * NULL between its destruction (with {@code detach-on-destroy on}) and the client's exit. Killing
     * the session the control client sat in ended the whole tmux server now and then (three clean-clone
     * test runs in a day saw the server vanish right after such a kill). A command has no such window:
     * it runs only while the client has a session.
     */
    public Scheduler.Cancellable watchWindows(Scheduler scheduler) {
        return scheduler.every(DIGEST_MS, () -> {
            ControlClient c = client;
            if (closing || c == null) {
                return;
            }
            c.send(Formats.windowDigestCommand()).thenAccept(r -> {
                if (r.error()) {
                    return;
                }
                String now = String.join("\n", r.lines());
                String was = lastDigest;
                lastDigest = now;
                // The first reading counts too: what changed between the daemon's first refresh and
                // it (a drag right after start) would otherwise never be noticed.
                if (!now.equals(was)) {
                    listener.accept(new Notification.SubscriptionChanged(Formats.WINDOWS_DIGEST, List.of()));
                }
            });
        });
    }

    /**
     * True when something accepts connections on the tmux socket: a bare connect, closed at once,
     * which tmux drops like any client that leaves before saying who it is.
     */
    static boolean listening(java.nio.file.Path socket) {
        try (java.nio.channels.SocketChannel ch =
                java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            return ch.connect(java.net.UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The pid of the current control client ({@code #{client_pid}}), to exclude it from the model. */
    public long clientPid() {
        return client.pid();
    }

    /**
     * Fetches the requested parts and assembles them with the last replies of the others. Parts
     * never fetched from the current control client are always fetched (first refresh, after a
     * re-attach). Callers keep at most one refresh in flight (the coalescer does), so the cache is
     * only touched by one completion at a time.
     */
    @Override
    public CompletableFuture<Snapshot> refresh(Set<Formats.Part> parts, Map<String, Snapshot.PaneProcess> processes) {
        ControlClient c = client;
        EnumMap<Formats.Part, List<String[]>> cached = cache;
        if (cachedFor != c) {
            cached = new EnumMap<>(Formats.Part.class);
        }
        EnumSet<Formats.Part> fetch = EnumSet.noneOf(Formats.Part.class);
        fetch.addAll(parts);
        for (Formats.Part p : Formats.Part.values()) {
            if (!cached.containsKey(p)) {
                fetch.add(p);
            }
        }
        List<Formats.Part> order = new ArrayList<>(fetch);
        List<CompletableFuture<ControlParser.Reply>> replies =
                c.sendAll(order.stream().map(Formats.Part::command).toList());
        EnumMap<Formats.Part, List<String[]>> base = cached;
        return CompletableFuture.allOf(replies.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> {
                    // Only the fetched parts are parsed; the others keep their parsed records.
                    EnumMap<Formats.Part, List<String[]>> next = new EnumMap<>(base);
                    for (int i = 0; i < order.size(); i++) {
                        Formats.Part p = order.get(i);
                        next.put(p, ListParser.records(replies.get(i).join().lines(), p.fields())); // no clients: empty
                    }
                    cache = next;
                    cachedFor = c;
                    return ListParser.assemble(new ArrayList<>(next.values()), c.pid(), processes);
                });
    }

    @Override
    public CompletableFuture<Map<String, Snapshot.PaneProcess>> paneProcesses() {
        return client.send(Formats.processCommand()).thenApply(r -> ListParser.processes(r.lines()));
    }

    @Override
    public CompletableFuture<List<String>> run(String commandLine, int blocks) {
        return client.send(commandLine, blocks).thenApply(r -> {
            if (r.error()) {
                throw new TmuxException(String.join("\n", r.lines()));
            }
            return r.lines();
        });
    }

    @Override
    public void close() {
        closing = true;
        ControlClient c = client;
        if (c != null) {
            c.close();
        }
    }

    /** No tmux server runs at the address: there is nothing to serve. */
    public static final class NoServer extends IOException {
        private static final long serialVersionUID = 1L;

        public NoServer(TmuxAddress address) {
            super("no tmux server is running at " + address.socket());
        }
    }
}
