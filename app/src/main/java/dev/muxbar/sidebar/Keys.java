package dev.muxbar.sidebar;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.sidebar.View.Mode;
import java.util.List;

/**
 * Pure key handling of one sidebar: (frame input, key) → new view and commands. The bindings of
 * the session list are {@link KeyTable}'s; the modes (prompts, width, theme picker, help, kill
 * confirmation) take their own keys below. Prompts take readline keys ({@link LineEdit}).
 */
final class Keys {

    /** The new view and what to do. */
    record Result(View view, List<Command> commands) {
        static Result of(View v, Command... c) {
            return new Result(v, List.of(c));
        }
    }

    /** Longest name typed in a prompt. */
    static final int MAX_PROMPT = 64;

    Result handle(Renderer.Input in, KeyStroke k) {
        View v = in.view();
        Mode mode = v.mode();
        if (mode instanceof Mode.Help) {
            return Result.of(v.withMode(new Mode.Normal()));
        }
        if (mode instanceof Mode.ConfirmKill c) {
            View back = v.withMode(new Mode.Normal());
            return isEnter(k)
                    ? Result.of(back, new Command.Kill(c.sessionId(), neighbour(ListLayout.shown(in), c.sessionId())))
                    : Result.of(back);
        }
        if (mode instanceof Mode.Answer a) {
            return answer(v, a, k);
        }
        if (mode instanceof Mode.Peek) {
            // The peek stays until it is closed: p, Esc, q, Enter, ←/h; other keys do nothing.
            Character c = k.getKeyType() == KeyType.Character ? k.getCharacter() : null;
            boolean close = k.getKeyType() == KeyType.Escape
                    || k.getKeyType() == KeyType.ArrowLeft
                    || isEnter(k)
                    || c != null && "pqh".indexOf(c) >= 0;
            return close ? Result.of(v.withMode(new Mode.Normal()), new Command.EndPeek()) : Result.of(v);
        }
        if (mode instanceof Mode.Reply r) {
            return reply(v, r, k);
        }
        if (mode instanceof Mode.Prompt p) {
            return prompt(v, p, k);
        }
        if (mode instanceof Mode.Width w) {
            return width(v, w, k);
        }
        if (mode instanceof Mode.Themes p) {
            return ThemePicker.key(v, p, in.themes(), k);
        }
        if (mode instanceof Mode.Normal) {
            return normal(in, k);
        }
        throw new AssertionError(mode); // a new mode decides its own keys
    }

    private Result normal(Renderer.Input in, KeyStroke k) {
        List<Session> shown = ListLayout.shown(in);
        View v = in.view();
        KeyTable b = k instanceof MouseAction ? null : KeyTable.of(k);
        Result global = b == null ? null : global(in, b);
        if (global != null) {
            return global;
        }
        if (shown.isEmpty()) {
            return b == KeyTable.LEAVE ? Result.of(v, new Command.Leave()) : Result.of(v);
        }
        int cursor = Math.max(0, ListLayout.layout(in).cursor());
        Session at = shown.get(cursor);
        if (k instanceof MouseAction m) {
            return mouse(in, shown, cursor, m);
        }
        List<Agent> agents = in.model().agentsOf(at.id());
        if (v.agent() >= 0) {
            Result r = inAgents(v, at, agents, k);
            if (r != null) {
                return r;
            }
        }
        return b == null ? Result.of(v) : onSession(in, b, k, shown, cursor, agents);
    }

    /** What a binding that needs no session does; null for the bindings that act on the selected one. */
    private static Result global(Renderer.Input in, KeyTable b) {
        View v = in.view();
        return switch (b) {
            case HELP -> Result.of(v.withMode(new Mode.Help()));
            case NEW -> Result.of(v.withMode(new Mode.Prompt("new session", "", "")));
            case WIDTH -> Result.of(v.withMode(new Mode.Width(in.width(), in.width())));
            case THEME ->
                Result.of(v.withMode(
                        new Mode.Themes(in.theme().name(), "", in.theme().name())));
            case UNHIDE -> Result.of(v, new Command.UnhideAll());
            case FILTER -> Result.of(v.withFilter(v.filter().next()));
            case MOVE, SWITCH, ROW, NEXT, REORDER, HIDE, KILL, RENAME, MUTE, AGENTS, LEAVE -> null;
        };
    }

    /** What a binding does to the session at the cursor. */
    private Result onSession(
            Renderer.Input in, KeyTable b, KeyStroke k, List<Session> shown, int cursor, List<Agent> agents) {
        View v = in.view();
        Session at = shown.get(cursor);
        KeyType type = k.getKeyType();
        boolean down = type == KeyType.ArrowDown || type == KeyType.Character && k.getCharacter() == 'j';
        return switch (b) {
            case AGENTS -> agents.isEmpty() ? Result.of(v) : Result.of(v.withAgent(0));
            case MUTE -> Result.of(v, new Command.Mute(at.id()));
            case REORDER -> {
                int to = cursor + (type == KeyType.ArrowUp ? -1 : 1);
                yield to < 0 || to >= shown.size() ? Result.of(v) : Result.of(v, new Command.MoveTo(at.id(), to + 1));
            }
            case MOVE -> move(in, shown, cursor, down ? 1 : -1);
            case SWITCH -> Result.of(v, new Command.SwitchTo(at.id()));
            case ROW -> {
                int i = k.getCharacter() - '1';
                yield i < shown.size()
                        ? Result.of(
                                v.withCursor(shown.get(i).id()),
                                new Command.SwitchTo(shown.get(i).id()))
                        : Result.of(v);
            }
            case NEXT -> {
                int own = ListLayout.indexOf(shown, in.ownSessionId());
                int next = Math.floorMod((own < 0 ? 0 : own) + (type == KeyType.Tab ? 1 : -1), shown.size());
                yield Result.of(
                        v.withCursor(shown.get(next).id()),
                        new Command.SwitchTo(shown.get(next).id()));
            }
            case HIDE -> Result.of(v, new Command.Hide(at.id()));
            case KILL -> Result.of(v.withMode(new Mode.ConfirmKill(at.id(), at.name())));
            case RENAME -> Result.of(v.withMode(new Mode.Prompt("rename", at.id(), at.name())));
            case LEAVE -> Result.of(v, new Command.Leave());
            case HELP, NEW, WIDTH, THEME, UNHIDE, FILTER -> throw new AssertionError(b); // global()
        };
    }

    /** Keys while the cursor is on an agent of the detail panel; null: handle as on the session row. */
    private static Result inAgents(View v, Session at, List<Agent> agents, KeyStroke k) {
        KeyType type = k.getKeyType();
        Character c = type == KeyType.Character ? k.getCharacter() : null;
        if (agents.isEmpty() || type == KeyType.ArrowLeft || c != null && c == 'h' || type == KeyType.Escape) {
            return Result.of(v.withAgent(-1));
        }
        int i = Math.min(v.agent(), agents.size() - 1);
        if (type == KeyType.ArrowDown || c != null && c == 'j') {
            return Result.of(v.withAgent(Math.min(agents.size() - 1, i + 1)));
        }
        if (type == KeyType.ArrowUp || c != null && c == 'k') {
            return Result.of(v.withAgent(Math.max(0, i - 1)));
        }
        if (isEnter(k)) {
            Agent a = agents.get(i);
            return Result.of(v.withAgent(-1), new Command.FocusAgent(at.id(), a.windowId(), a.pane()));
        }
        if (c != null && c == 'a' && !k.isAltDown()) {
            return Result.of(v, new Command.ReadPrompt(agents.get(i).pane()));
        }
        if (c != null && c == 'p' && !k.isAltDown()) {
            Agent a = agents.get(i);
            return Result.of(v.withMode(new Mode.Peek(a.pane(), a.agent(), List.of())), new Command.Peek(a.pane()));
        }
        if (c != null && c == 'R' && !k.isAltDown()) {
            Agent a = agents.get(i);
            return Result.of(v.withMode(new Mode.Reply(
                    a.pane(), a.agent(), LineEdit.of(""), dev.muxbar.act.AgentActions.listens(a), false)));
        }
        return null;
    }

    /** The choices of a prompt: 1-9 picks (then back to the list), anything else but a digit goes back. */
    private static Result answer(View v, Mode.Answer a, KeyStroke k) {
        View back = v.withMode(new Mode.Normal());
        Character c = k.getKeyType() == KeyType.Character ? k.getCharacter() : null;
        if (c != null && c >= '1' && c <= '9') {
            int n = c - '0';
            return n <= a.choices().size() ? Result.of(back, new Command.Answer(a.pane(), n, a.hash())) : Result.of(v);
        }
        return Result.of(back);
    }

    /** A reply being typed: Enter sends (a working agent: asks once more first), Esc drops it. */
    private static Result reply(View v, Mode.Reply r, KeyStroke k) {
        View back = v.withMode(new Mode.Normal());
        if (isEnter(k)) {
            String text = r.line().text();
            if (text.isBlank()) {
                return Result.of(back);
            }
            if (r.listens() || r.confirming()) {
                return Result.of(back, new Command.Reply(r.pane(), text, !r.listens()));
            }
            return Result.of(v.withMode(new Mode.Reply(r.pane(), r.agent(), r.line(), false, true)));
        }
        if (k.getKeyType() == KeyType.Escape) {
            return Result.of(back);
        }
        LineEdit next = r.line().apply(k, dev.muxbar.act.AgentActions.MAX_REPLY);
        return next == null
                ? Result.of(v)
                : Result.of(v.withMode(new Mode.Reply(r.pane(), r.agent(), next, r.listens(), false)));
    }

    private Result mouse(Renderer.Input in, List<Session> shown, int cursor, MouseAction m) {
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
                return Result.of(
                        v.withCursor(shown.get(i).id()),
                        new Command.SwitchTo(shown.get(i).id()));
            }
        }
        return Result.of(v);
    }

    private static Result prompt(View v, Mode.Prompt p, KeyStroke k) {
        View back = v.withMode(new Mode.Normal());
        if (isEnter(k)) {
            String name = p.text().strip();
            if (name.isEmpty()) {
                return Result.of(back);
            }
            return Result.of(
                    back,
                    p.sessionId().isEmpty() ? new Command.NewSession(name) : new Command.Rename(p.sessionId(), name));
        }
        if (k.getKeyType() == KeyType.Escape) {
            return Result.of(back);
        }
        LineEdit next = p.line().apply(k, MAX_PROMPT);
        return next == null ? Result.of(v) : Result.of(v.withMode(new Mode.Prompt(p.label(), p.sessionId(), next)));
    }

    private static Result width(View v, Mode.Width w, KeyStroke k) {
        Character c = k.getKeyType() == KeyType.Character ? k.getCharacter() : null;
        int step = k.getKeyType() == KeyType.ArrowLeft
                ? -1
                : k.getKeyType() == KeyType.ArrowRight ? 1 : c != null && c == 'H' ? -5 : c != null && c == 'L' ? 5 : 0;
        if (step != 0) {
            int next = new Planner.Settings(true, w.current() + step, false).width(); // clamped
            return Result.of(v.withMode(new Mode.Width(w.original(), next)), new Command.Width(next, false));
        }
        View back = v.withMode(new Mode.Normal());
        if (isEnter(k)) {
            return Result.of(back, new Command.Width(w.current(), true));
        }
        if (k.getKeyType() == KeyType.Escape) {
            return Result.of(back, new Command.Width(w.original(), false));
        }
        return Result.of(v);
    }

    /** Enter arrives as KeyType.Enter or, through a tty with icrnl, as a bare newline character. */
    static boolean isEnter(KeyStroke k) {
        return k.getKeyType() == KeyType.Enter
                || k.getKeyType() == KeyType.Character && (k.getCharacter() == '\n' || k.getCharacter() == '\r');
    }

    private static Result move(Renderer.Input in, List<Session> shown, int cursor, int step) {
        int next = Math.max(0, Math.min(shown.size() - 1, cursor + step));
        View moved = in.view().withCursor(shown.get(next).id());
        // Keep the scroll where the renderer put it, so the list does not jump.
        moved = moved.withScroll(ListLayout.layout(in.with(moved)).top());
        return Result.of(moved);
    }

    /** The session a client viewing {@code id} moves to when it is killed: the next one, else the previous. */
    static String neighbour(List<Session> shown, String id) {
        int i = ListLayout.indexOf(shown, id);
        if (i < 0 || shown.size() < 2) {
            return null;
        }
        return shown.get(i + 1 < shown.size() ? i + 1 : i - 1).id();
    }
}
