package dev.muxbar.daemon;

import dev.muxbar.tmux.ClaimCommands;
import dev.muxbar.tmux.TmuxAddress;
import dev.muxbar.tmux.TmuxProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One daemon per tmux server, whatever the environment it was started from. {@code daemon.lock}
 * guards a runtime dir, but the runtime dir comes from the environment ({@code TMPDIR},
 * {@code XDG_RUNTIME_DIR}): a daemon started by hand with another one than the tmux server's had
 * a lock of its own, and the plugin then started a second daemon for the same server. So a daemon
 * also claims the tmux server itself, in its global option {@code @muxbar-daemon} =
 * {@code "<pid> <start> <runtime dir>"}, with a test-and-set tmux runs as one step (an
 * {@code if-shell -F} runs its command before any other client's); a claim whose daemon no longer
 * runs (pid and start time, as in {@code daemon.lock}) is taken over the same way. The winner exports
 * its runtime dir as {@code MUXBAR_RUNTIME_DIR} in tmux's global environment, where the plugin's
 * scripts look.
 */
public final class ServerClaim {
    private ServerClaim() {}

    /**
     * "(pid N, runtime dir D)" of the live daemon that holds the server at {@code address}, if one
     * does: what {@code muxbar server} says when it is refused.
     */
    public static Optional<String> holder(TmuxAddress address) {
        try {
            List<String> out = of(address).run(ClaimCommands.show());
            String claim = out.isEmpty() ? "" : out.get(0).strip();
            if (!running(claim)) {
                return Optional.empty();
            }
            String[] f = claim.split(" ", 3);
            return Optional.of("(pid " + f[0] + ", runtime dir " + f[2] + ")");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** How the claim talks to tmux: a command (argv after {@code tmux -S socket}) → its output lines. */
    interface Tmux {
        List<String> run(List<String> args) throws IOException;
    }

    static Tmux of(TmuxAddress address) {
        return args -> {
            TmuxProcess.Result r = TmuxProcess.run(address, args);
            if (!r.ok()) {
                throw new IOException(String.join(" ", args) + ": " + r.stderr());
            }
            return r.lines();
        };
    }

    /** The claim this process makes: {@code "<pid> <start> <runtime dir>"}. */
    static String mine(Path runtimeDir) {
        return DaemonLock.line(ProcessHandle.current().pid(), Path.of("/proc/self/stat"))
                        .strip() + " " + runtimeDir;
    }

    /**
     * Claims the server; empty when this process now holds it, else the claim of the live daemon
     * that does ({@code "<pid> <start> <dir>"}).
     */
    static Optional<String> take(Tmux tmux, String mine) throws IOException {
        for (int attempt = 0; attempt < 5; attempt++) {
            String held = setIf(tmux, "", mine);
            if (held.equals(mine)) {
                return Optional.empty();
            }
            if (running(held)) {
                return Optional.of(held);
            }
            if (setIf(tmux, held, mine).equals(mine)) { // a dead daemon's claim: take it over
                return Optional.empty();
            }
        }
        throw new IOException("the claim on the tmux server kept changing");
    }

    /** Gives the server up, if this process still holds it (on the way out). */
    static void release(Tmux tmux, String mine) {
        try {
            tmux.run(ClaimCommands.release(mine));
        } catch (IOException e) {
            // the server may be gone already
        }
    }

    /** Sets the claim to {@code to} when it is {@code from} ("" = unset), in one step; returns the claim after. */
    private static String setIf(Tmux tmux, String from, String to) throws IOException {
        List<String> out = tmux.run(ClaimCommands.setIf(from, to, to.split(" ", 3)[2]));
        return out.isEmpty() ? "" : out.get(0).strip();
    }

    /**
     * Whether the daemon a claim names still runs: its pid, with the same start time, and not a
     * zombie (a daemon killed with kill -9 is one until reaped, and its replacement starts then).
     * Without /proc: the pid alone.
     */
    static boolean running(String claim) {
        return running(claim, pid -> {
            try {
                return Optional.of(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** {@link #running(String)} with {@code /proc/<pid>/stat} read by {@code stat}. */
    static boolean running(String claim, java.util.function.LongFunction<Optional<String>> stat) {
        String[] f = claim.split(" ", 3);
        if (f.length < 3 || !f[0].matches("[0-9]{1,10}")) {
            return false;
        }
        long pid = Long.parseLong(f[0]);
        Optional<String> s = stat.apply(pid);
        if (s.isEmpty()) {
            return !Files.exists(Path.of("/proc/self/stat"))
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        String[] after = s.get().substring(s.get().lastIndexOf(')') + 2).trim().split(" ");
        boolean gone = after.length < 20 || after[0].equals("Z") || after[0].equals("X");
        return !gone && (f[1].equals("-") || after[19].equals(f[1]));
    }
}
