package dev.muxbar.daemon;

import dev.muxbar.model.Model;
import dev.muxbar.model.Snapshot;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps the daemon's control client out of the sessions people use. tmux 3.3 counts a control
 * client in {@code session_attached} whatever its flags ({@code ignore-size}, {@code read-only}
 * and {@code no-output} change nothing), so the session it sits in shows one client too many:
 * oh-my-tmux's "paired" mark with one user, {@code tmux ls} "(attached)", and {@code tmux attach}
 * without {@code -t} (which prefers unattached sessions) skipping that session after its user
 * detached. tmux's own attach already puts the control client on an unattached session when
 * there is one; this moves it to one whenever a user arrives in its session. With no session free
 * of users (one session, or a user in each) it stays where it is: then that session counts it.
 *
 * <p>Subscribed on the loop. A move is asked for once per target: the next model shows the
 * client there (tmux sends {@code %session-changed}), or a later model asks again.
 */
public final class ControlSeat implements Consumer<Model> {

    private final TmuxGateway tmux;
    private final Consumer<String> log;
    private String asked = ""; // the session a move was last asked to (loop-only state)

    public ControlSeat(TmuxGateway tmux, Consumer<String> log) {
        this.tmux = tmux;
        this.log = log;
    }

    /** The session the control client should move to, if it should move: the first one nobody uses. */
    static Optional<String> target(Snapshot s) {
        String own = s.server().controlSession();
        if (own.isEmpty() || s.session(own).map(x -> x.attached() == 0).orElse(false)) {
            return Optional.empty();
        }
        return s.sessions().stream().filter(x -> x.attached() == 0).map(Snapshot.Session::id).findFirst();
    }

    @Override
    public void accept(Model m) {
        Snapshot s = m.snapshot();
        Optional<String> to = target(s);
        if (to.isEmpty()) {
            asked = "";
            return;
        }
        if (to.get().equals(asked)) {
            return;
        }
        asked = to.get();
        tmux.send(Commands.switchClient(s.server().controlClient(), to.get())).whenComplete((r, e) -> {
            if (e != null) {
                log.accept("cannot move the control client to " + to.get() + ": " + e.getMessage());
            }
        });
    }
}
