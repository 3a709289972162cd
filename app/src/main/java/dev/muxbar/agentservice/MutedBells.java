package dev.muxbar.agentservice;

import dev.muxbar.model.Model;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.util.Map;
import java.util.Set;

/**
 * A muted session's own agent bells do not reach the terminal either: while a session is muted its
 * {@code bell-action} is {@code none}; unmuted, it gets back exactly what it had (its own value, or
 * none of its own: the global one applies again). On the loop.
 */
final class MutedBells {

    private final TmuxGateway tmux;
    private volatile Set<String> muted = Set.of();
    // session → its own bell-action before muting ("" none); written from the gateway's reply
    private final Map<String, String> before = new java.util.concurrent.ConcurrentHashMap<>();

    MutedBells(TmuxGateway tmux) {
        this.tmux = tmux;
    }

    void onModel(Model m) {
        if (m.muted().equals(muted)) {
            return;
        }
        Set<String> now = m.muted();
        Set<String> was = muted;
        muted = Set.copyOf(now);
        for (String s : now) {
            if (!was.contains(s)) {
                tmux.send(Commands.sessionOwnOption(s, "bell-action")).thenAccept(v -> {
                    if (muted.contains(s)) { // not unmuted meanwhile
                        before.put(s, v == null ? "" : v);
                        tmux.send(Commands.sessionOption(s, "bell-action", "none"));
                    }
                });
            }
        }
        for (String s : was) {
            if (!now.contains(s)) {
                String own = before.remove(s);
                tmux.send(Commands.sessionOption(s, "bell-action", own == null || own.isEmpty() ? null : own));
            }
        }
    }
}
