package dev.muxbar.daemon;

import dev.muxbar.model.Model;
import dev.muxbar.model.Seat;
import dev.muxbar.model.Snapshot;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Moves the daemon's control client out of a session a user entered without muxbar's help
 * (choose-tree, {@code switch-client} from a script, {@code attach -t}): {@link Seat} says why it
 * must sit where nobody is and where it goes. Switches muxbar makes itself move it first, in the
 * same tmux command ({@code Bindings}, {@code Commands.switchUser}), so this finds nothing to do
 * after them. With no session free of users it stays where it is: then that session counts it.
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

    /** The session the control client should move to, if it should move. */
    static Optional<String> target(Snapshot s) {
        return Seat.of(s).flatMap(seat -> seat.leaveNow(s));
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
