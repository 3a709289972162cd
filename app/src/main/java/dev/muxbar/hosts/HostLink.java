package dev.muxbar.hosts;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One host's link: one OpenSSH master connection ({@code ControlMaster}, its control socket in the
 * private runtime dir {@code dir}), then over it the remote daemons listed ({@code muxbar daemons
 * --json} there) and each one's Unix socket forwarded to {@code dir/d<N>.sock} — the API of every tmux
 * server with a muxbar over there, as if it were local. States: connecting → up, or needs login (ssh
 * wants a password or a host key: never asked here), or down with the reason; then again after a
 * {@link Backoff}. The master is the host's only long-lived process (in the background: see
 * {@link Ssh#master}); the listing and the forwards are short ssh runs multiplexed over it. No thread
 * of its own: process ends arrive through {@link Spawner} futures and are handed to {@code loop}; all
 * state is the loop's.
 */
public final class HostLink implements AutoCloseable {

    /** How long the master may take to open its control socket. */
    static final long CONNECT_MS = (Ssh.CONNECT_TIMEOUT_S + 5) * 1_000L;
    /** How often the control socket is looked for while the master connects. */
    static final long LOOK_MS = 100;
    /** How often a link that is up looks whether its master still lives (its control socket). */
    static final long ALIVE_MS = 1_000;
    /** At most this many remote daemons are followed (one per tmux server there). */
    public static final int MAX_DAEMONS = 16;

    public enum State {
        CONNECTING,
        UP,
        NEEDS_LOGIN,
        DOWN
    }

    /** A remote daemon reachable here: the tmux server it serves there, and its forwarded socket here. */
    public record Daemon(String tmux, Path socket) {}

    /** What the link is now ({@code since}: scheduler ms; {@code reason}: why it is not up, or ""). */
    public record Status(Host host, State state, long since, String reason, List<Daemon> daemons) {}

    /** Starts processes; a test gives a fake. */
    public interface Spawner {
        /** Starts {@code argv} with its output and errors into {@code out}; its exit code completes the future. */
        Spawned start(List<String> argv, Path out) throws IOException;
    }

    public interface Spawned {
        CompletableFuture<Integer> exit();

        void kill();
    }

    private final Host host;
    private final Ssh ssh;
    private final String remoteCommand;
    private final Path dir;
    private final Spawner spawner;
    private final dev.muxbar.model.Scheduler scheduler;
    private final Executor loop;
    private final Consumer<Status> changed;
    private final Predicate<Path> exists;
    private final Backoff backoff;
    private Status status;
    private Spawned master;
    private dev.muxbar.model.Scheduler.Cancellable timer;
    private int generation; // a new try makes what the last one still reports stale
    private boolean closed;

    public HostLink(
            Host host,
            Ssh ssh,
            String remoteCommand,
            Path dir,
            Spawner spawner,
            dev.muxbar.model.Scheduler scheduler,
            Executor loop,
            Consumer<Status> changed,
            Predicate<Path> exists,
            Backoff backoff) {
        this.host = host;
        this.ssh = ssh;
        this.remoteCommand = remoteCommand;
        this.dir = dir;
        this.spawner = spawner;
        this.scheduler = scheduler;
        this.loop = loop;
        this.changed = changed;
        this.exists = exists;
        this.backoff = backoff;
        this.status = new Status(host, State.CONNECTING, scheduler.now(), "", List.of());
    }

    public Status status() {
        return status;
    }

    /** The master connection's control socket. */
    /**
     * The argv of a local {@code ssh -t} over this link's master that attaches to {@code session} of
     * tmux server {@code server} there ({@code pane}: its window and pane selected first; "": as it is);
     * every word quoted for the remote shell. Empty while the link is not up.
     */
    public java.util.Optional<List<String>> attach(String server, String session, String pane) {
        if (status().state() != State.UP) {
            return java.util.Optional.empty();
        }
        List<String> words = dev.muxbar.tmux.AttachArgs.of(server, session, pane);
        return java.util.Optional.of(ssh.interactive(
                control(),
                host,
                Ssh.line(words.get(0), words.subList(1, words.size()).toArray(String[]::new))));
    }

    Path control() {
        return dir.resolve("ctl");
    }

    /** Connects now (on the loop). */
    public void start() {
        int gen = ++generation;
        set(State.CONNECTING, "", List.of());
        try {
            Files.createDirectories(dir);
            if (exists.test(control())) {
                // A master of a daemon that was killed lives on in the background: end it first.
                spawner.start(ssh.exit(control(), host), dir.resolve("exit.log"));
                Files.deleteIfExists(control());
            }
            master = spawner.start(ssh.master(host, control()), dir.resolve("master.log"));
        } catch (IOException e) {
            failed(gen, "cannot start ssh: " + e.getMessage());
            return;
        }
        master.exit()
                .whenComplete((code, err) -> loop.execute(() -> {
                    if (gen == generation && (code == null || code != 0)) { // 0: up, and in the background
                        failed(gen, said(dir.resolve("master.log"), "ssh ended (exit " + code + ")"));
                    }
                }));
        long deadline = scheduler.now() + CONNECT_MS;
        timer = scheduler.every(LOOK_MS, () -> {
            if (gen != generation || status.state() != State.CONNECTING) {
                cancelTimer();
            } else if (exists.test(control())) {
                cancelTimer();
                listDaemons(gen);
            } else if (scheduler.now() >= deadline) {
                failed(gen, "no connection within " + CONNECT_MS / 1000 + " s");
            }
        });
    }

    private void listDaemons(int gen) {
        Path out = dir.resolve("daemons.json");
        run(gen, ssh.through(control(), host, Ssh.line(remoteCommand, "daemons", "--json")), out, code -> {
            Node list = parse(out);
            if (code != 0 || list == null || !list.isArray()) {
                failed(gen, "the muxbar there cannot list its daemons: " + said(out, "exit " + code));
                return;
            }
            List<String[]> remote = new ArrayList<>();
            for (Node d : list) {
                String socket = d.path("socket").asText("");
                if (remote.size() < MAX_DAEMONS && socket.startsWith("/") && !socket.contains("\n")) {
                    remote.add(new String[] {HostCheck.clean(d.path("tmux").asText("")), socket});
                }
            }
            forward(gen, remote, 0, new ArrayList<>());
        });
    }

    /** Forwards the remote daemons one after the other, then the link is up. */
    private void forward(int gen, List<String[]> remote, int i, List<Daemon> done) {
        if (i == remote.size()) {
            backoff.reset();
            set(State.UP, "", List.copyOf(done));
            timer = scheduler.every(ALIVE_MS, () -> {
                if (gen == generation && !exists.test(control())) {
                    failed(gen, said(dir.resolve("master.log"), "the connection ended"));
                }
            });
            return;
        }
        Path local = dir.resolve("d" + i + ".sock");
        List<String> argv;
        try {
            argv = ssh.forward(control(), host, local, remote.get(i)[1]);
        } catch (IllegalArgumentException e) {
            forward(gen, remote, i + 1, done); // a socket path that is no plain path: not followed
            return;
        }
        run(gen, argv, dir.resolve("forward.log"), code -> {
            if (code == 0) {
                done.add(new Daemon(remote.get(i)[0], local));
            }
            forward(gen, remote, i + 1, done); // one daemon that cannot be forwarded leaves the others
        });
    }

    /** Runs a short ssh over the master; {@code then} gets its exit code on the loop, unless a new try began. */
    /**
     * Runs one step of the link (a listing, a forward) with its output into {@code out}, bounded in
     * time and output ({@link BoundedStep}); a step ended for its bounds fails the try.
     */
    private void run(int gen, List<String> argv, Path out, java.util.function.IntConsumer then) {
        try {
            BoundedStep.run(spawner.start(argv, out), out, scheduler, loop, (code, ended) -> {
                if (gen != generation || closed) {
                    return;
                }
                if (ended != null) {
                    failed(gen, ended);
                } else {
                    then.accept(code);
                }
            });
        } catch (IOException e) {
            failed(gen, "cannot start ssh: " + e.getMessage());
        }
    }

    private void failed(int gen, String reason) {
        if (gen != generation || closed) {
            return;
        }
        generation++; // whatever the failed try still reports is stale now
        cancelTimer();
        stopMaster();
        boolean login = reason.contains("Permission denied")
                || reason.contains("Host key verification failed")
                || reason.contains("passphrase")
                || reason.contains("password");
        set(login ? State.NEEDS_LOGIN : State.DOWN, reason, List.of());
        int next = generation;
        timer = scheduler.schedule(backoff.next(), () -> {
            if (next == generation && !closed) {
                start();
            }
        });
    }

    private void set(State s, String reason, List<Daemon> daemons) {
        long since = s == status.state() ? status.since() : scheduler.now();
        Status next = new Status(host, s, since, reason, daemons);
        if (!next.equals(status)) {
            status = next;
            changed.accept(next);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** The last line ssh wrote, or {@code otherwise}. */
    private static String said(Path log, String otherwise) {
        // The last line of its last 4 KB: a remote that printed megabytes is not read whole.
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, f.length() - 4096);
            byte[] tail = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(tail);
            List<String> lines = List.of(new String(tail, java.nio.charset.StandardCharsets.UTF_8).split("\n"));
            for (int i = lines.size() - 1; i >= 0; i--) {
                String l = HostCheck.clean(lines.get(i)).strip();
                if (!l.isEmpty()) {
                    return l;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or not there: say what is known
        }
        return otherwise;
    }

    private static Node parse(Path file) {
        try {
            return Files.size(file) > ProcessRunner.MAX_OUTPUT
                    ? null
                    : Json.parse(Files.readString(file).strip());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Ends the master (and with it every forward) and every try (daemon exit, or the host removed). */
    @Override
    public void close() {
        closed = true;
        generation++;
        cancelTimer();
        stopMaster();
    }

    /** Ends the master: the process muxbar started if it has not gone to the background, else by its socket. */
    private void stopMaster() {
        if (master != null) {
            master.kill();
            master = null;
        }
        if (exists.test(control())) {
            try {
                spawner.start(ssh.exit(control(), host), dir.resolve("exit.log"));
            } catch (IOException e) {
                // the master stays until the network or the remote ends it
            }
        }
    }
}
