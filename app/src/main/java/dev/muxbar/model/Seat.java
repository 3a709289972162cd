package dev.muxbar.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the daemon's control client sits (its "seat"), and where it goes when a user arrives there.
 *
 * <p>A control client must be attached to some session, and tmux counts it there: in
 * {@code session_attached} (oh-my-tmux's "paired" mark, {@code tmux ls} "(attached)",
 * {@code destroy-unattached}, {@code tmux attach} without {@code -t}) and in bell/activity alerts. So
 * it sits in a session without users, and moves when a user enters it. But tmux makes every session a
 * client enters — a control client too — the most recently active one, and that is the session tmux
 * picks for any command that names none ({@code tmux display -p '#S'} or {@code new-window} from a
 * script, {@code attach} by other tools): a move made after the user's switch makes the session the
 * user left look current until the user's next key. Hence, wherever muxbar switches a user itself
 * (native switch keys, the sidebar, the API), it moves its control client out first, in the same
 * tmux command; the user's arrival then comes last and is the most recent. Only a user who enters the
 * seat another way (choose-tree, a script) is followed by a move after it.
 *
 * <p>{@link #next}: the session the control client goes to when it must leave: one without users,
 * the one touched least recently (created or last attached), so a session a user has just left or a
 * script has just made (and may soon kill, which would detach the control client) is the last choice.
 * When every other session has a user (two sessions, one user), a switch into the seat goes to
 * {@link #vacated} instead: the session with one user that a client entered last, most likely the
 * session the user is leaving by this very switch.
 *
 * @param client  the control client's name ({@code client-PID})
 * @param session the session it sits in
 * @param next    where it goes when it must leave; "" when every other session has a user
 * @param vacated where it goes ahead of a switch when {@code next} is ""; "" when none has one user
 */
public record Seat(String client, String session, String next, String vacated) {

    /** What the choice looks at, per session (also read by the control client before it attaches). */
    public record Candidate(String id, int users, long created, long lastAttached) {
        long touched() {
            return Math.max(created, lastAttached);
        }
    }

    /** The seat in {@code s}, or empty while the control client or its session is unknown. */
    public static Optional<Seat> of(Snapshot s) {
        Snapshot.ServerInfo info = s.server();
        if (info.controlClient().isEmpty() || info.controlSession().isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> all = s.sessions().stream()
                .map(x -> new Candidate(x.id(), x.attached(), x.created(), x.lastAttached()))
                .toList();
        String own = info.controlSession();
        String vacated = all.stream()
                .filter(c -> c.users() == 1 && !c.id().equals(own))
                .max(Comparator.comparingLong(Candidate::lastAttached).thenComparing(Candidate::id))
                .map(Candidate::id)
                .orElse("");
        return Optional.of(new Seat(info.controlClient(), own, choose(all, own).orElse(""), vacated));
    }

    /** The best place for the control client other than {@code except}: no users, touched least recently. */
    public static Optional<String> choose(List<Candidate> sessions, String except) {
        return sessions.stream()
                .filter(c -> c.users() == 0 && !c.id().equals(except))
                .min(Comparator.comparingLong(Candidate::touched).thenComparing(Candidate::id))
                .map(Candidate::id);
    }

    /** Where the control client must go before a user is switched to {@code sessionId}; empty when it need not. */
    public Optional<String> leaveBefore(String sessionId) {
        String to = next.isEmpty() ? vacated : next;
        return sessionId.equals(session) && !to.isEmpty() ? Optional.of(to) : Optional.empty();
    }

    /** Where the control client should go now: a user is in its session and another is free. */
    public Optional<String> leaveNow(Snapshot s) {
        boolean users = s.session(session).map(x -> x.attached() > 0).orElse(false);
        return users && !next.isEmpty() ? Optional.of(next) : Optional.empty();
    }
}
