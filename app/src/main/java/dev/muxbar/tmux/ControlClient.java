package dev.muxbar.tmux;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One persistent {@code tmux -C attach -f no-output,ignore-size} process.
 *
 * <p>Commands are written one per line and may be pipelined: tmux answers in order, so pending
 * futures form a FIFO matched against reply blocks whose flags say they are ours. A reader thread
 * frames the output with {@link ControlParser}; notifications go to the listener on that thread.
 * When the process ends, every pending future fails and {@code onClosed} runs once.
 */
public final class ControlClient implements AutoCloseable {

    private final Process process;
    private final OutputStream stdin;
    private final ArrayDeque<Waiting> pending = new ArrayDeque<>();
    private final Thread reader;
    private volatile boolean closed;

    private ControlClient(Process process, Consumer<Notification> listener, Runnable onClosed) {
        this.process = process;
        this.stdin = process.getOutputStream();
        ControlParser parser = new ControlParser(new ControlParser.Sink() {
            @Override
            public void reply(ControlParser.Reply reply) {
                if (!reply.ours()) {
                    return; // the unasked block after attach
                }
                Waiting done = null;
                synchronized (pending) {
                    Waiting w = pending.peek();
                    if (w != null && w.took(reply)) {
                        done = pending.poll();
                    }
                }
                if (done != null) {
                    done.future.complete(done.first);
                }
            }

            @Override
            public void notification(Notification n) {
                listener.accept(n);
            }
        });
        this.reader = new Thread(() -> readLoop(parser, onClosed), "tmux-control-reader");
        reader.setDaemon(true);
    }

    /**
     * Starts the control client where and when {@link AttachPlace} says (a free session, at a quiet
     * moment). {@code ignore-size} keeps it from affecting any size; the model filters it out.
     *
     * @throws IOException when tmux cannot be started or no server answers
     */
    public static ControlClient start(TmuxAddress address, Consumer<Notification> listener, Runnable onClosed)
            throws IOException {
        // -N: attach-session would otherwise START a server when none runs (a reconnect racing a
        // kill-server left a fresh, empty server's socket file behind).
        List<String> argv = new ArrayList<>(List.of("-N", "-C", "attach", "-f", "no-output,ignore-size"));
        try {
            AttachPlace.await(AttachPlace.of(address)).ifPresent(id -> argv.addAll(List.of("-t", id)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to attach", e);
        }
        return start(address.command(argv.toArray(new String[0])), listener, onClosed);
    }

    /** Starts a control-mode peer from any argv (tests run a fake tmux that speaks the protocol). */
    static ControlClient start(List<String> argv, Consumer<Notification> listener, Runnable onClosed)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.redirectErrorStream(true);
        pb.environment().remove("TMUX"); // attach refuses to nest otherwise
        Process p = pb.start();
        ControlClient c = new ControlClient(p, listener, onClosed);
        c.reader.start();
        return c;
    }

    /** The tmux client process id; tmux reports it as {@code #{client_pid}} for this client. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return !closed && process.isAlive();
    }

    /** A line sent: its reply blocks still to come, the first one kept for the future. */
    private static final class Waiting {
        final CompletableFuture<ControlParser.Reply> future = new CompletableFuture<>();
        int left;
        ControlParser.Reply first;

        Waiting(int blocks) {
            left = blocks;
        }

        /** Takes one reply block; true when it was the line's last. */
        boolean took(ControlParser.Reply r) {
            if (first == null) {
                first = r;
            }
            return --left == 0;
        }
    }

    /** Sends one command line; the future completes with its reply (an {@code %error} reply is not an exception). */
    public CompletableFuture<ControlParser.Reply> send(String commandLine) {
        return send(commandLine, 1);
    }

    /** Sends one command line that tmux answers with {@code blocks} reply blocks; the future gets the first. */
    public CompletableFuture<ControlParser.Reply> send(String commandLine, int blocks) {
        return sendAll(List.of(commandLine), blocks).get(0);
    }

    /** Pipelines several command lines (one reply block each) in one write; futures in the same order. */
    public List<CompletableFuture<ControlParser.Reply>> sendAll(List<String> commandLines) {
        return sendAll(commandLines, 1);
    }

    private List<CompletableFuture<ControlParser.Reply>> sendAll(List<String> commandLines, int blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("a command line has at least one reply block");
        }
        List<CompletableFuture<ControlParser.Reply>> futures = new ArrayList<>(commandLines.size());
        StringBuilder sb = new StringBuilder();
        for (String line : commandLines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("command line contains a newline");
            }
            sb.append(line).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        // The lock spans enqueue and write so the FIFO order equals the order tmux sees.
        synchronized (pending) {
            for (int i = 0; i < commandLines.size(); i++) {
                Waiting w = new Waiting(blocks);
                futures.add(w.future);
                if (closed) {
                    w.future.completeExceptionally(new IOException("tmux control client is closed"));
                } else {
                    pending.add(w);
                }
            }
            if (!closed) {
                try {
                    stdin.write(bytes);
                    stdin.flush();
                } catch (IOException e) {
                    failPending(e);
                }
            }
        }
        return futures;
    }

    private void readLoop(ControlParser parser, Runnable onClosed) {
        // Lines end in \n only; a \r belongs to the data (BufferedReader.readLine would split there).
        try (InputStream in = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    parser.accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process went away; fall through to close
        }
        closed = true;
        synchronized (pending) {
            failPending(new IOException("tmux control client exited"));
        }
        process.destroy();
        onClosed.run();
    }

    private void failPending(IOException e) {
        Waiting w;
        while ((w = pending.poll()) != null) {
            w.future.completeExceptionally(e);
        }
    }

    /** Detaches: closing stdin makes tmux detach the client and exit. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
