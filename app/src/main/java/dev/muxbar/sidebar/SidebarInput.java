package dev.muxbar.sidebar;

import com.googlecode.lanterna.input.KeyStroke;
import dev.muxbar.model.Model;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.sidebar.view.AnswerMode;
import dev.muxbar.sidebar.view.Command;
import dev.muxbar.sidebar.view.Keys;
import dev.muxbar.sidebar.view.Place;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Keys and mouse actions from the sidebars' ttys: each becomes a new view of that sidebar
 * ({@link Keys}, pure) and commands ({@link SidebarActions}), then a paint.
 *
 * <p>Only a sidebar that is the active pane of a window someone views takes keys. The model may be
 * a moment behind (tmux does not notify a pane selection outside the control client's session), so
 * tmux is asked right away, from the tty's reader thread; replies come in order, so keys are
 * handled in the order they were typed. (A key that reaches a sidebar an instant before it is
 * selected can still pass: the answer is after the key.)
 */
final class SidebarInput {

    private final TmuxGateway tmux;
    private final Executor loop;
    private final SidebarPainter painter;
    private final SidebarActions actions;
    private final dev.muxbar.act.OtherMachines machines;
    private final PeekFeed peeks;

    SidebarInput(
            TmuxGateway tmux,
            Executor loop,
            SidebarPainter painter,
            SidebarActions actions,
            dev.muxbar.act.OtherMachines machines,
            PeekFeed peeks) {
        this.machines = machines;
        this.peeks = peeks;
        this.tmux = tmux;
        this.loop = loop;
        this.painter = painter;
        this.actions = actions;
    }

    /** A key from pane {@code paneId}'s tty, on its reader thread. */
    void onKey(String paneId, KeyStroke k) {
        tmux.send(Commands.paneFocus(paneId))
                .whenComplete((focus, err) -> loop.execute(() -> {
                    if (err == null && focus.isPresent() && focus.get().active()) {
                        act(paneId, focus.get(), k);
                    } else {
                        ignored(painter.sidebar(paneId));
                    }
                }));
    }

    private void act(String paneId, Commands.PaneFocus focus, KeyStroke k) {
        String windowId = focus.windowId();
        Sidebar sidebar = painter.sidebar(paneId);
        Model model = painter.model();
        if (sidebar == null || model == null) {
            return;
        }
        Snapshot s = model.snapshot();
        Session own = painter.viewsOf(s).get(windowId);
        if (own == null && focus.viewed()) {
            // tmux says someone looks at it; the model is a moment behind (a window selected in a
            // session the control client is not in sends it no notification): trust tmux, and catch up.
            own = s.session(focus.sessionId()).orElse(null);
            actions.refreshClients();
        }
        if (own == null) {
            ignored(sidebar); // nobody looks at this window
            return;
        }
        painter.refreshChoices();
        Keys.Result r = Keys.handle(painter.input(sidebar, own.id()), k);
        sidebar.show(r.view());
        for (Command c : r.commands()) {
            if (c instanceof Command.ReadPrompt rp) {
                offerChoices(sidebar, own.id(), rp.place(), rp.pane());
            } else if (c instanceof Command.Peek pk) {
                peek(sidebar, s, pk.place(), pk.pane());
            } else if (c instanceof Command.EndPeek) {
                endPeek(sidebar, model.choices().width());
            } else {
                actions.run(c, s, own, windowId);
            }
        }
        painter.paint(sidebar, own.id());
    }

    /**
     * Starts a peek: the agent's screen read live into this sidebar, which widens to the peek width
     * ({@code @muxbar-peek-width}: columns, or a share of the window like {@code 50%}; default half
     * the window). The user's panes keep their order and focus; ending the peek gives the width back.
     */
    private void peek(Sidebar sidebar, Snapshot s, Place place, String agentPane) {
        String sidebarPane = sidebar.paneId();
        sidebar.peek(
                place.here()
                        ? peeks.start(agentPane, lines -> peekShown(sidebar, lines))
                        : peeks.startRemote(
                                agentPane + place.suffix(),
                                () -> machines.screen(place.host(), place.server(), agentPane),
                                lines -> peekShown(sidebar, lines)));
        int windowWidth = s.sessions().stream()
                .flatMap(x -> x.windows().stream())
                .filter(w -> w.panes().stream().anyMatch(p -> p.id().equals(sidebarPane)))
                .mapToInt(w -> w.width())
                .findFirst()
                .orElse(0);
        tmux.send(Commands.globalOption("@muxbar-peek-width"))
                .whenComplete((v, err) -> loop.execute(() -> {
                    if (!sidebar.peeking() || windowWidth == 0) {
                        return;
                    }
                    tmux.send(Commands.resizePaneWidth(sidebarPane, peekWidth(err == null ? v : null, windowWidth)));
                }));
    }

    /** A peeked pane's new lines: shown in the sidebar that peeks, while someone sees it. */
    private void peekShown(Sidebar sidebar, List<String> lines) {
        if (!sidebar.peekLines(lines)) {
            sidebar.endPeek(); // its peek was closed
            return;
        }
        Model m = painter.model();
        Session own = m == null ? null : painter.viewsOf(m.snapshot()).get(sidebar.windowId());
        if (own == null) {
            // Nobody looks at this window any more: the peek ends, and the sidebar gets its width back.
            endPeek(
                    sidebar,
                    m == null ? Planner.Settings.MIN_WIDTH : m.choices().width());
            return;
        }
        painter.paint(sidebar, own.id());
    }

    /** The sidebar stops peeking and gets back the sidebars' {@code width} (a peek widened it). */
    private void endPeek(Sidebar sidebar, int width) {
        sidebar.endPeek();
        tmux.send(Commands.resizePaneWidth(sidebar.paneId(), width));
    }

    /** The peek's width from the option ({@code 80}, {@code 60%}), within the window and leaving the content 10 columns. */
    static int peekWidth(String option, int windowWidth) {
        int w = windowWidth / 2;
        String o = option == null ? "" : option.strip();
        try {
            if (o.endsWith("%")) {
                w = windowWidth * Integer.parseInt(o.substring(0, o.length() - 1)) / 100;
            } else if (!o.isEmpty()) {
                w = Integer.parseInt(o);
            }
        } catch (NumberFormatException e) {
            // not a width: half the window
        }
        return Math.max(Planner.Settings.MIN_WIDTH, Math.min(w, windowWidth - 11));
    }

    /** Reads the agent's prompt and shows its choices in this sidebar (or says why there are none). */
    private void offerChoices(Sidebar sidebar, String ownSessionId, Place place, String pane) {
        var door = actions.door(place);
        if (door.isEmpty()) {
            actions.away(place);
            return;
        }
        door.get()
                .show(pane)
                .whenComplete((shown, err) -> loop.execute(() -> {
                    var p = err == null && shown.isPresent() ? shown.get().prompt() : null;
                    if (p != null) {
                        sidebar.show(sidebar.view()
                                .withMode(
                                        new AnswerMode(place, pane, shown.get().agent(), p.hash(), p.choices())));
                        painter.paint(sidebar, ownSessionId);
                    } else {
                        actions.notice(
                                err != null
                                        ? "cannot read " + pane + ": " + err.getMessage()
                                        : shown.isEmpty()
                                                ? "no agent in " + pane + place.suffix()
                                                : shown.get().agent() + " shows no prompt muxbar can answer");
                    }
                }));
    }

    private static void ignored(Sidebar sidebar) {
        if (sidebar != null) {
            sidebar.ignoredKey();
        }
    }
}
