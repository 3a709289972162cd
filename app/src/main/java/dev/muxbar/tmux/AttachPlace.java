package dev.muxbar.tmux;

import dev.muxbar.model.Seat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where and when the daemon's control client attaches, read with {@code tmux} processes (there is no
 * control client yet).
 *
 * <p>Where: the session {@link Seat#choose} picks. tmux's own choice would be the newest session
 * without users — the one a script that churns sessions kills next, which detaches the control client.
 *
 * <p>When: at a quiet moment. tmux before 3.7 sends some notifications ({@code %sessions-changed},
 * {@code %session-renamed}, {@code %window-pane-changed}, {@code %session-window-changed},
 * {@code %pane-mode-changed}, {@code %client-detached}) to a control client that is still
 * introducing itself, whose state does not exist yet, and the server crashes (fixed upstream in 3.7,
 * "Do not notify clients if not fully initialized", tmux issue 4980; reproduced here: a control
 * client attaching while sessions are made and killed ended tmux 3.3a within a few dozen attaches).
 * So the control client attaches once per daemon where it can, never into a session about to be
 * killed, and not while such changes are under way: not during a tmux-resurrect restore
 * ({@code @muxbar-restoring}), and only once two looks {@link #SETTLE_MS} apart see the same sessions,
 * names, active windows and panes and modes. A busy server gets an attach after {@link #PATIENCE_MS}
 * anyway: the window of risk is the client's introduction, a millisecond.
 */
final class AttachPlace {
    private AttachPlace() {}

    static final long SETTLE_MS = 40;
    static final long PATIENCE_MS = 10_000;
    static final long RESTORE_PATIENCE_MS = 120_000;

    /** One look: a line per session, then "R" and the value of {@code @muxbar-restoring}. */
    static final List<String> LOOK = List.of(
            "list-sessions",
            "-F",
            "#{session_id} #{session_attached} #{session_created} #{session_last_attached}"
                    + " #{window_id}#{pane_id}#{pane_in_mode}#{session_windows} #{session_name}",
            ";",
            "display-message",
            "-p",
            "R#{@muxbar-restoring}");

    /** How the look is taken and time passes (tests give a script). */
    interface Tmux {
        List<String> look() throws IOException;

        void sleep(long ms) throws InterruptedException;

        long nowMs();
    }

    /** Waits for a quiet moment (bounded) and returns the session to attach to, if one is free. */
    static Optional<String> await(Tmux tmux) throws InterruptedException {
        long start = tmux.nowMs();
        List<String> last = null;
        while (true) {
            List<String> now;
            try {
                now = tmux.look();
            } catch (IOException e) {
                return Optional.empty(); // no answer: let the attach itself say why
            }
            boolean restoring = now.stream().anyMatch(l -> l.startsWith("R") && l.length() > 1);
            long waited = tmux.nowMs() - start;
            boolean settled = now.equals(last) && !restoring;
            if (settled || (restoring ? waited > RESTORE_PATIENCE_MS : waited > PATIENCE_MS)) {
                return Seat.choose(candidates(now), "");
            }
            last = now;
            tmux.sleep(SETTLE_MS);
        }
    }

    /** The look of the server at {@code address}, through one tmux process. */
    static Tmux of(TmuxAddress address) {
        return new Tmux() {
            @Override
            public List<String> look() throws IOException {
                TmuxProcess.Result r = TmuxProcess.run(address, LOOK);
                if (!r.ok()) {
                    throw new IOException(r.stderr());
                }
                return r.lines();
            }

            @Override
            public void sleep(long ms) throws InterruptedException {
                Thread.sleep(ms);
            }

            @Override
            public long nowMs() {
                return System.nanoTime() / 1_000_000;
            }
        };
    }

    /** Lines {@code "$3 0 1700000000 1700000100 …"} (last attached empty when never) → candidates. */
    static List<Seat.Candidate> candidates(List<String> lines) {
        List<Seat.Candidate> out = new ArrayList<>();
        for (String l : lines) {
            String[] f = l.split(" ", 6);
            if (f.length >= 4 && f[0].matches("\\$[0-9]+")) {
                out.add(new Seat.Candidate(
                        f[0], (int) ListParser.num(f[1]), ListParser.num(f[2]), ListParser.num(f[3])));
            }
        }
        return out;
    }
}
