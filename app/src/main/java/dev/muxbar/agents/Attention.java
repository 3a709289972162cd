package dev.muxbar.agents;

import dev.muxbar.state.Model;
import dev.muxbar.state.Snapshot;
import dev.muxbar.tmux.TmuxGateway;
import dev.muxbar.tmux.TmuxQuote;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Tells the user when an agent out of sight starts waiting or finishes: a bell in the agent's pane
 * (so tmux's monitor-bell, visual-bell and the terminal's own notification fire) and a short message
 * to each client not looking at that window. Once per transition; muted sessions stay quiet; the
 * first model after a (re)start only primes the memory. Runs on the event loop; the bell is written
 * on {@code io}.
 */
public final class Attention {

    static final int MESSAGE_MS = 4_000;

    private final TmuxGateway tmux;
    private final Executor io;
    private final Consumer<String> log;
    private Map<String, Agent> last;
    private long alerts;

    public Attention(TmuxGateway tmux, Executor io, Consumer<String> log) {
        this.tmux = tmux;
        this.io = io;
        this.log = log;
    }

    public void onModel(Model m) {
        Map<String, Agent> now = new HashMap<>();
        m.agents().forEach(a -> now.put(a.pane() + " " + a.agent(), a));
        Map<String, Agent> before = last;
        last = now;
        if (before == null) {
            return;
        }
        Set<String> viewed = m.snapshot().viewedWindowIds();
        for (Map.Entry<String, Agent> e : now.entrySet()) {
            Agent a = e.getValue();
            Agent prev = before.get(e.getKey());
            boolean startsWaiting = a.status() == Status.WAITING && (prev == null || prev.status() != Status.WAITING);
            boolean finishedUnseen = a.unseen() && (prev == null || !prev.unseen() || prev.since() != a.since());
            if ((startsWaiting || finishedUnseen) && !viewed.contains(a.windowId())
                    && !m.muted().contains(a.sessionId())) {
                alert(m.snapshot(), a);
            }
        }
    }

    /** Alerts sent since start (for tests and /health). */
    public long alerts() {
        return alerts;
    }

    private void alert(Snapshot s, Agent a) {
        alerts++;
        String session = s.session(a.sessionId()).map(Snapshot.Session::name).orElse(a.sessionId());
        String what = a.status() == Status.WAITING ? "waits for you" : a.status().label();
        String text = "muxbar: " + a.agent() + " " + what + " in " + session;
        s.sessions().stream().flatMap(x -> x.windows().stream()).flatMap(w -> w.panes().stream())
                .filter(p -> p.id().equals(a.pane())).findFirst()
                .ifPresent(p -> io.execute(() -> bell(p.tty())));
        for (Snapshot.Client c : s.clients()) {
            boolean looking = s.session(c.sessionId()).flatMap(x -> x.windows().stream()
                    .filter(Snapshot.Window::active).findFirst()).map(w -> w.id().equals(a.windowId())).orElse(false);
            if (!looking) {
                // display-message expands formats: a '#' in a name must not.
                tmux.run("display-message -c " + TmuxQuote.q(c.tty()) + " -d " + MESSAGE_MS + " "
                        + TmuxQuote.q(text.replace("#", "##")));
            }
        }
    }

    /** BEL written to the pane's terminal looks to tmux like the agent rang it. */
    private void bell(String tty) {
        try (FileOutputStream out = new FileOutputStream(tty)) {
            out.write(7);
        } catch (IOException e) {
            log.accept("cannot ring the bell on " + tty + ": " + e.getMessage());
        }
    }
}
