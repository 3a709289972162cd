package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Resumable;
import java.util.List;

/**
 * The agent list of a local session goes on past its agents to the remembered ones that can come back
 * ({@link Resumable}: to resume, hibernated): ↑/↓ walk across both; on a remembered one Enter (or
 * {@code b}) brings it back, and {@code R} types a reply that wakes it first and reaches it once it is
 * ready. Null: the key is the running agents' ({@link ListMode#inAgents}) or the session row's.
 */
final class BackKeys {
    private BackKeys() {}

    static Keys.Result key(View v, List<Agent> agents, List<Resumable> back, KeyStroke k) {
        if (back.isEmpty() || v.agent() < 0) {
            return null;
        }
        int total = agents.size() + back.size();
        int i = Math.min(v.agent(), total - 1);
        KeyType type = k.getKeyType();
        Character c = type == KeyType.Character ? k.getCharacter() : null;
        boolean down = type == KeyType.ArrowDown || c != null && c == 'j';
        boolean up = type == KeyType.ArrowUp || c != null && c == 'k';
        if (down || up) {
            return Keys.Result.of(v.withAgent(Math.max(0, Math.min(total - 1, i + (down ? 1 : -1)))));
        }
        if (i < agents.size()) {
            return null;
        }
        Resumable r = back.get(i - agents.size());
        if (Keys.isEnter(k) || c != null && c == 'b') {
            return Keys.Result.of(v.withAgent(-1), new Command.Resume(r.key()));
        }
        if (c != null && c == 'R' && !k.isAltDown()) {
            return Keys.Result.of(
                    v.withMode(new ReplyMode(Place.HERE, r.key(), r.agent(), LineEdit.of(""), true, false, true)));
        }
        if (type == KeyType.ArrowLeft || c != null && c == 'h' || type == KeyType.Escape) {
            return Keys.Result.of(v.withAgent(-1));
        }
        return Keys.Result.of(v);
    }
}
