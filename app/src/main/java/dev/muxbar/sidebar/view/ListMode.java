package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.muxbar.act.AgentActions;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.theme.Role;
import java.util.List;
import java.util.Optional;

/**
 * The session list, the sidebar's usual mode: the bindings of {@link KeyTable} on the session at the
 * cursor (or on the agent the cursor is on in its detail panel), the mouse, and key hints (or the
 * current notice) in the footer. Other modes start here.
 */
public record ListMode() implements Mode {

    @Override
    public Optional<List<Line>> over(Renderer.Input in, int rows) {
        return Optional.empty();
    }

    /** The notice of the moment (a note in every sidebar's footer), else the key hints. */
    @Override
    public Line footer(Renderer.Input in) {
        return in.notice() != null ? Renderer.line(in, " " + in.notice(), Role.WAITING, true) : hints(in);
    }

    /** The footer's key hints. */
    public static Line hints(Renderer.Input in) {
        return Renderer.line(in, " ? help  ↵ switch  1-9", Role.MUTED, false);
    }

    @Override
    public Keys.Result key(Renderer.Input in, KeyStroke k) {
        List<Session> shown = ListLayout.shown(in);
        View v = in.view();
        KeyTable b = k instanceof MouseAction ? null : KeyTable.of(k);
        Keys.Result global = b == null ? null : global(in, b);
        if (global != null) {
            return global;
        }
        if (k instanceof MouseAction m) {
            return mouse(in, shown, m);
        }
        ListLayout.RemoteRow away = ListLayout.remoteAt(in);
        if (away != null) {
            return RemoteKeys.key(in, away, b, k, shown);
        }
        if (shown.isEmpty()) {
            return b == KeyTable.LEAVE
                    ? Keys.Result.of(v, new Command.Leave())
                    : b == KeyTable.MOVE ? move(in, shown, down(k) ? 1 : -1) : Keys.Result.of(v);
        }
        int cursor = Math.max(0, ListLayout.layout(in).cursor());
        Session at = shown.get(cursor);
        List<Agent> agents = in.model().agentsOf(at.id());
        Keys.Result onBack = BackKeys.key(v, agents, in.model().resumableIn(at.name()), k);
        if (onBack != null) {
            return onBack;
        }
        if (v.agent() >= 0) {
            Keys.Result r =
                    inAgents(v, agents, Place.HERE, k, a -> new Command.FocusAgent(at.id(), a.windowId(), a.pane()));
            if (r != null) {
                return r;
            }
        }
        return b == null ? Keys.Result.of(v) : onSession(in, b, k, shown, cursor, agents);
    }

    static boolean down(KeyStroke k) {
        return k.getKeyType() == KeyType.ArrowDown || k.getKeyType() == KeyType.Character && k.getCharacter() == 'j';
    }

    /** What a binding that needs no session does; null for the bindings that act on the selected one. */
    private static Keys.Result global(Renderer.Input in, KeyTable b) {
        View v = in.view();
        return switch (b) {
            case HELP -> Keys.Result.of(v.withMode(new HelpMode()));
            case NEW -> Keys.Result.of(v.withMode(new NamePrompt("new session", "", "")));
            case WIDTH -> Keys.Result.of(v.withMode(new WidthMode(in.width(), in.width())));
            case THEME ->
                Keys.Result.of(v.withMode(
                        new ThemePicker(in.theme().name(), "", in.theme().name())));
            case UNHIDE -> Keys.Result.of(v, new Command.UnhideAll());
            case FILTER -> Keys.Result.of(v.withFilter(v.filter().next()));
            case MOVE, SWITCH, ROW, NEXT, REORDER, HIDE, KILL, RENAME, MUTE, BRING, NEW_AGENT, AGENTS, LEAVE -> null;
        };
    }

    /** What a binding does to the session at the cursor. */
    private Keys.Result onSession(
            Renderer.Input in, KeyTable b, KeyStroke k, List<Session> shown, int cursor, List<Agent> agents) {
        View v = in.view();
        Session at = shown.get(cursor);
        KeyType type = k.getKeyType();
        return switch (b) {
            case AGENTS ->
                agents.isEmpty() && in.model().resumableIn(at.name()).isEmpty()
                        ? Keys.Result.of(v)
                        : Keys.Result.of(v.withAgent(0));
            case MUTE -> Keys.Result.of(v, new Command.Mute(at.id()));
            case NEW_AGENT -> Keys.Result.of(v.withMode(new AgentForm(at.id(), LineEdit.of(""))));
            case BRING ->
                Keys.Result.of(
                        v,
                        new Command.Resume(
                                in.model().resumableIn(at.name()).isEmpty() ? Command.Resume.ORPHANS : at.name()));
            case REORDER -> {
                int to = cursor + (type == KeyType.ArrowUp ? -1 : 1);
                yield to < 0 || to >= shown.size()
                        ? Keys.Result.of(v)
                        : Keys.Result.of(v, new Command.MoveTo(at.id(), to + 1));
            }
            case MOVE -> move(in, shown, down(k) ? 1 : -1);
            case SWITCH -> Keys.Result.of(v, new Command.SwitchTo(at.id()));
            case ROW, NEXT -> jump(in, b, k, shown);
            case HIDE -> Keys.Result.of(v, new Command.Hide(at.id()));
            case KILL -> Keys.Result.of(v.withMode(new ConfirmKill(at.id(), at.name())));
            case RENAME -> Keys.Result.of(v.withMode(new NamePrompt("rename", at.id(), at.name())));
            case LEAVE -> Keys.Result.of(v, new Command.Leave());
            case HELP, NEW, WIDTH, THEME, UNHIDE, FILTER -> throw new AssertionError(b); // global()
        };
    }

    /** M-1…M-9's row keys and Tab: a switch to a local session, wherever the cursor is. */
    static Keys.Result jump(Renderer.Input in, KeyTable b, KeyStroke k, List<Session> shown) {
        View v = in.view();
        if (shown.isEmpty()) {
            return Keys.Result.of(v);
        }
        if (b == KeyTable.ROW) {
            int i = k.getCharacter() - '1';
            return i < shown.size()
                    ? Keys.Result.of(
                            v.withCursor(shown.get(i).id()),
                            new Command.SwitchTo(shown.get(i).id()))
                    : Keys.Result.of(v);
        }
        int own = ListLayout.indexOf(shown, in.ownSessionId());
        int next = Math.floorMod((own < 0 ? 0 : own) + (k.getKeyType() == KeyType.Tab ? 1 : -1), shown.size());
        return Keys.Result.of(
                v.withCursor(shown.get(next).id()),
                new Command.SwitchTo(shown.get(next).id()));
    }

    /**
     * Keys while the cursor is on an agent of the detail panel (running at {@code place}); null: handle
     * as on the session row. {@code enter}: what Enter on an agent asks for.
     */
    static Keys.Result inAgents(
            View v, List<Agent> agents, Place place, KeyStroke k, java.util.function.Function<Agent, Command> enter) {
        KeyType type = k.getKeyType();
        Character c = type == KeyType.Character ? k.getCharacter() : null;
        if (agents.isEmpty() || type == KeyType.ArrowLeft || c != null && c == 'h' || type == KeyType.Escape) {
            return Keys.Result.of(v.withAgent(-1));
        }
        int i = Math.min(v.agent(), agents.size() - 1);
        Agent a = agents.get(i);
        if (type == KeyType.ArrowDown || c != null && c == 'j') {
            return Keys.Result.of(v.withAgent(Math.min(agents.size() - 1, i + 1)));
        }
        if (type == KeyType.ArrowUp || c != null && c == 'k') {
            return Keys.Result.of(v.withAgent(Math.max(0, i - 1)));
        }
        if (Keys.isEnter(k)) {
            return Keys.Result.of(v.withAgent(-1), enter.apply(a));
        }
        if (c != null && c == 'a' && !k.isAltDown()) {
            return Keys.Result.of(v, new Command.ReadPrompt(place, a.pane()));
        }
        if (c != null && c == 'p' && !k.isAltDown()) {
            return Keys.Result.of(
                    v.withMode(new PeekMode(place, a.pane(), a.agent(), List.of())), new Command.Peek(place, a.pane()));
        }
        if (c != null && c == 'z' && !k.isAltDown() && place.here()) {
            return Keys.Result.of(v, new Command.Hibernate(a.pane()));
        }
        if (c != null && c == 'R' && !k.isAltDown()) {
            return Keys.Result.of(v.withMode(
                    new ReplyMode(place, a.pane(), a.agent(), LineEdit.of(""), AgentActions.listens(a), false)));
        }
        return null;
    }

    private Keys.Result mouse(Renderer.Input in, List<Session> shown, MouseAction m) {
        View v = in.view();
        if (m.getActionType() == MouseActionType.SCROLL_DOWN) {
            return move(in, shown, 1);
        }
        if (m.getActionType() == MouseActionType.SCROLL_UP) {
            return move(in, shown, -1);
        }
        if (m.getActionType() == MouseActionType.CLICK_DOWN && m.getButton() == 1) {
            int i = ListLayout.sessionAt(in, m.getPosition().getRow());
            if (i >= 0) {
                return Keys.Result.of(
                        v.withCursor(shown.get(i).id()),
                        new Command.SwitchTo(shown.get(i).id()));
            }
            ListLayout.RemoteRow r = ListLayout.remoteRowAt(in, m.getPosition().getRow());
            if (r != null) {
                return RemoteKeys.enter(v.withRemote(r.key()), r);
            }
        }
        return Keys.Result.of(v);
    }

    /** The cursor {@code step} rows on, through the local sessions and on into the other machines' rows. */
    static Keys.Result move(Renderer.Input in, List<Session> shown, int step) {
        ListLayout.Layout l = ListLayout.layout(in);
        List<ListLayout.RemoteRow> remote = l.remoteRows();
        int total = shown.size() + remote.size();
        if (total == 0) {
            return Keys.Result.of(in.view());
        }
        int at = l.remote() >= 0 ? shown.size() + l.remote() : l.cursor();
        int next = Math.max(0, Math.min(total - 1, at + step));
        View moved = next < shown.size()
                ? in.view().withCursor(shown.get(next).id())
                : in.view().withRemote(remote.get(next - shown.size()).key());
        // Keep the scroll where the renderer put it, so the list does not jump.
        moved = moved.withScroll(ListLayout.layout(in.with(moved)).top());
        return Keys.Result.of(moved);
    }
}
