package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import dev.muxbar.model.Agent;
import dev.muxbar.model.RemoteSession;
import dev.muxbar.model.Snapshot.Session;
import java.util.List;

/**
 * {@link ListMode}'s keys while the cursor is on another machine's row: ↑/↓ walk on (back into the
 * local sessions too), Enter on a heading folds or unfolds its host's sessions, Enter on a session
 * opens it in a local window ({@link Command.OpenRemote}), → its agents — on which Enter, a, p and R
 * do what they do on a local agent, through that machine's muxbar. The row keys and Tab still switch
 * local sessions; what edits a local session (reorder, hide, kill, rename, mute) does nothing here.
 */
final class RemoteKeys {
    private RemoteKeys() {}

    static Keys.Result key(Renderer.Input in, ListLayout.RemoteRow at, KeyTable b, KeyStroke k, List<Session> shown) {
        View v = in.view();
        RemoteSession s = at.session();
        List<Agent> agents = s == null ? List.of() : s.agents();
        if (v.agent() >= 0) {
            Keys.Result r = ListMode.inAgents(
                    v,
                    agents,
                    new Place(at.host().name(), s == null ? "" : s.server()),
                    k,
                    a -> new Command.OpenRemote(at.host().name(), s.server(), s.name(), a.pane()));
            if (r != null) {
                return r;
            }
        }
        if (b == null) {
            return Keys.Result.of(v);
        }
        return switch (b) {
            case MOVE -> ListMode.move(in, shown, ListMode.down(k) ? 1 : -1);
            case SWITCH -> enter(v, at);
            case AGENTS -> agents.isEmpty() ? Keys.Result.of(v) : Keys.Result.of(v.withAgent(0));
            case ROW, NEXT -> ListMode.jump(in, b, k, shown);
            case LEAVE -> Keys.Result.of(v, new Command.Leave());
            case REORDER, HIDE, KILL, RENAME, MUTE, BRING, NEW_AGENT -> Keys.Result.of(v);
            case HELP, NEW, WIDTH, THEME, UNHIDE, FILTER -> throw new AssertionError(b); // ListMode's global()
        };
    }

    /** Enter on a row: a heading folds or unfolds, a session opens. */
    static Keys.Result enter(View v, ListLayout.RemoteRow at) {
        RemoteSession s = at.session();
        return s == null
                ? Keys.Result.of(v.toggleFold(at.host().name()))
                : Keys.Result.of(v, new Command.OpenRemote(at.host().name(), s.server(), s.name(), ""));
    }
}
