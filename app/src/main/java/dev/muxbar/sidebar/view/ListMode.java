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
        if (shown.isEmpty()) {
            return b == KeyTable.LEAVE ? Keys.Result.of(v, new Command.Leave()) : Keys.Result.of(v);
        }
        int cursor = Math.max(0, ListLayout.layout(in).cursor());
        Session at = shown.get(cursor);
        if (k instanceof MouseAction m) {
            return mouse(in, shown, cursor, m);
        }
        List<Agent> agents = in.model().agentsOf(at.id());
        if (v.agent() >= 0) {
            Keys.Result r = inAgents(v, at, agents, k);
            if (r != null) {
                return r;
            }
        }
        return b == null ? Keys.Result.of(v) : onSession(in, b, k, shown, cursor, agents);
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
            case MOVE, SWITCH, ROW, NEXT, REORDER, HIDE, KILL, RENAME, MUTE, AGENTS, LEAVE -> null;
        };
    }

    /** What a binding does to the session at the cursor. */
    private Keys.Result onSession(
            Renderer.Input in, KeyTable b, KeyStroke k, List<Session> shown, int cursor, List<Agent> agents) {
        View v = in.view();
        Session at = shown.get(cursor);
        KeyType type = k.getKeyType();
        boolean down = type == KeyType.ArrowDown || type == KeyType.Character && k.getCharacter() == 'j';
        return switch (b) {
            case AGENTS -> agents.isEmpty() ? Keys.Result.of(v) : Keys.Result.of(v.withAgent(0));
            case MUTE -> Keys.Result.of(v, new Command.Mute(at.id()));
            case REORDER -> {
                int to = cursor + (type == KeyType.ArrowUp ? -1 : 1);
                yield to < 0 || to >= shown.size()
                        ? Keys.Result.of(v)
                        : Keys.Result.of(v, new Command.MoveTo(at.id(), to + 1));
            }
            case MOVE -> move(in, shown, cursor, down ? 1 : -1);
            case SWITCH -> Keys.Result.of(v, new Command.SwitchTo(at.id()));
            case ROW -> {
                int i = k.getCharacter() - '1';
                yield i < shown.size()
                        ? Keys.Result.of(
                                v.withCursor(shown.get(i).id()),
                                new Command.SwitchTo(shown.get(i).id()))
                        : Keys.Result.of(v);
            }
            case NEXT -> {
                int own = ListLayout.indexOf(shown, in.ownSessionId());
                int next = Math.floorMod((own < 0 ? 0 : own) + (type == KeyType.Tab ? 1 : -1), shown.size());
                yield Keys.Result.of(
                        v.withCursor(shown.get(next).id()),
                        new Command.SwitchTo(shown.get(next).id()));
            }
            case HIDE -> Keys.Result.of(v, new Command.Hide(at.id()));
            case KILL -> Keys.Result.of(v.withMode(new ConfirmKill(at.id(), at.name())));
            case RENAME -> Keys.Result.of(v.withMode(new NamePrompt("rename", at.id(), at.name())));
            case LEAVE -> Keys.Result.of(v, new Command.Leave());
            case HELP, NEW, WIDTH, THEME, UNHIDE, FILTER -> throw new AssertionError(b); // global()
        };
    }

    /** Keys while the cursor is on an agent of the detail panel; null: handle as on the session row. */
    private static Keys.Result inAgents(View v, Session at, List<Agent> agents, KeyStroke k) {
        KeyType type = k.getKeyType();
        Character c = type == KeyType.Character ? k.getCharacter() : null;
        if (agents.isEmpty() || type == KeyType.ArrowLeft || c != null && c == 'h' || type == KeyType.Escape) {
            return Keys.Result.of(v.withAgent(-1));
        }
        int i = Math.min(v.agent(), agents.size() - 1);
        if (type == KeyType.ArrowDown || c != null && c == 'j') {
            return Keys.Result.of(v.withAgent(Math.min(agents.size() - 1, i + 1)));
        }
        if (type == KeyType.ArrowUp || c != null && c == 'k') {
            return Keys.Result.of(v.withAgent(Math.max(0, i - 1)));
        }
        if (Keys.isEnter(k)) {
            Agent a = agents.get(i);
            return Keys.Result.of(v.withAgent(-1), new Command.FocusAgent(at.id(), a.windowId(), a.pane()));
        }
        if (c != null && c == 'a' && !k.isAltDown()) {
            return Keys.Result.of(v, new Command.ReadPrompt(agents.get(i).pane()));
        }
        if (c != null && c == 'p' && !k.isAltDown()) {
            Agent a = agents.get(i);
            return Keys.Result.of(v.withMode(new PeekMode(a.pane(), a.agent(), List.of())), new Command.Peek(a.pane()));
        }
        if (c != null && c == 'R' && !k.isAltDown()) {
            Agent a = agents.get(i);
            return Keys.Result.of(
                    v.withMode(new ReplyMode(a.pane(), a.agent(), LineEdit.of(""), AgentActions.listens(a), false)));
        }
        return null;
    }

    private Keys.Result mouse(Renderer.Input in, List<Session> shown, int cursor, MouseAction m) {
        View v = in.view();
        if (m.getActionType() == MouseActionType.SCROLL_DOWN) {
            return move(in, shown, cursor, 1);
        }
        if (m.getActionType() == MouseActionType.SCROLL_UP) {
            return move(in, shown, cursor, -1);
        }
        if (m.getActionType() == MouseActionType.CLICK_DOWN && m.getButton() == 1) {
            int i = ListLayout.sessionAt(in, m.getPosition().getRow());
            if (i >= 0) {
                return Keys.Result.of(
                        v.withCursor(shown.get(i).id()),
                        new Command.SwitchTo(shown.get(i).id()));
            }
        }
        return Keys.Result.of(v);
    }

    private static Keys.Result move(Renderer.Input in, List<Session> shown, int cursor, int step) {
        int next = Math.max(0, Math.min(shown.size() - 1, cursor + step));
        View moved = in.view().withCursor(shown.get(next).id());
        // Keep the scroll where the renderer put it, so the list does not jump.
        moved = moved.withScroll(ListLayout.layout(in.with(moved)).top());
        return Keys.Result.of(moved);
    }
}
