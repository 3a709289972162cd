package dev.muxbar.sidebar;

import dev.muxbar.model.Model;
import dev.muxbar.model.Seat;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Client;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.sidebar.view.Command;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event;
import dev.muxbar.theme.ThemeResult;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxCommand;
import dev.muxbar.tmux.TmuxGateway;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Carries out what a sidebar key asked for ({@link Command}) in tmux or as an order edit. Called on
 * the event loop; replies that need the model again are posted back to it.
 */
final class SidebarActions {

    private final TmuxGateway tmux;
    private final Core core;
    private final Executor loop;
    private final Consumer<String> log;
    private final Supplier<Model> model;
    private final dev.muxbar.act.AgentActions agents;
    private final dev.muxbar.act.OtherMachines machines;
    private final RemoteWindows remoteWindows;
    private final dev.muxbar.act.Lifetimes lifetimes;

    SidebarActions(
            TmuxGateway tmux,
            Core core,
            Executor loop,
            Consumer<String> log,
            Supplier<Model> model,
            dev.muxbar.act.AgentActions agents,
            dev.muxbar.act.OtherMachines machines,
            dev.muxbar.act.Lifetimes lifetimes) {
        this.lifetimes = lifetimes;
        this.agents = agents;
        this.machines = machines;
        this.remoteWindows = new RemoteWindows(tmux, loop, machines, this::notice);
        this.tmux = tmux;
        this.core = core;
        this.loop = loop;
        this.log = log;
        this.model = model;
    }

    /** Carries out one command of the sidebar in {@code windowId}, which {@code own} is viewed through. */
    void run(Command c, Snapshot s, Session own, String windowId) {
        if (c instanceof Command.SwitchTo t) {
            switchClient(s, own, t.sessionId());
            focusContent(s, windowId);
        } else if (c instanceof Command.Leave) {
            focusContent(s, windowId);
        } else if (c instanceof Command.MoveTo m) {
            core.post(new Event.EditOrder(
                    new Event.OrderEdit.Move(m.sessionId(), m.position()), new CompletableFuture<>()));
        } else if (c instanceof Command.Hide h) {
            core.post(new Event.EditOrder(new Event.OrderEdit.Hide(h.sessionId()), new CompletableFuture<>()));
        } else if (c instanceof Command.UnhideAll) {
            core.post(new Event.EditOrder(new Event.OrderEdit.UnhideAll(), new CompletableFuture<>()));
        } else if (c instanceof Command.Kill k) {
            // Clients looking at the session move to its neighbour first, so nobody is dropped out of tmux.
            if (k.neighbourId() != null) {
                for (Client cl : s.clients()) {
                    if (cl.sessionId().equals(k.sessionId())) {
                        Commands.switchUser(Seat.of(s), cl.name(), k.neighbourId())
                                .forEach(this::fireAndForget);
                    }
                }
            }
            // The control client leaves first too: killing its session would detach it (a re-attach).
            Seat.of(s)
                    .filter(seat ->
                            seat.session().equals(k.sessionId()) && !seat.next().isEmpty())
                    .ifPresent(seat -> fireAndForget(Commands.switchClient(seat.client(), seat.next())));
            if (k.worktree()) {
                // Its worktree is read before the session goes (the option goes with it).
                tmux.send(Commands.sessionOwnOption(k.sessionId(), "@muxbar-worktree"))
                        .whenComplete((path, err) -> {
                            fireAndForget(Commands.killSession(k.sessionId()));
                            if (err != null || path == null || path.isBlank()) {
                                notice("killed; it had no worktree of muxbar's to remove");
                            } else {
                                said(lifetimes.removeWorktree(path.strip()));
                            }
                        });
                return;
            }
            fireAndForget(Commands.killSession(k.sessionId()));
        } else if (c instanceof Command.NewSession n) {
            tmux.send(Commands.newSession(n.name()))
                    .whenComplete((id, err) -> loop.execute(() -> {
                        if (err != null) {
                            log.accept("new session " + n.name() + ": " + err.getMessage());
                        } else if (!id.isEmpty() && model.get() != null) {
                            switchClient(model.get().snapshot(), own, id);
                            focusContent(model.get().snapshot(), windowId);
                        }
                    }));
        } else if (c instanceof Command.Rename r) {
            fireAndForget(Commands.renameSession(r.sessionId(), r.name()));
        } else if (c instanceof Command.Width w) {
            core.post(new Event.SetWidth(w.width(), w.keep()));
        } else if (c instanceof Command.FocusAgent a) {
            focusContent(s, windowId); // the sidebar gives focus back in its own window first
            switchClient(s, own, a.sessionId());
            fireAndForget(Commands.selectWindow(a.windowId()));
            fireAndForget(Commands.selectPane(a.paneId()));
        } else if (c instanceof Command.Theme t) {
            // The same event as the API's POST /theme; every sidebar repaints through the theme service.
            CompletableFuture<ThemeResult> done = new CompletableFuture<>();
            done.thenAccept(r -> {
                if (!(r instanceof ThemeResult.Shown)) {
                    log.accept("theme " + t.name() + ": " + r.message());
                }
            });
            core.post(new Event.ChooseTheme(t.name(), t.keep(), done));
        } else if (c instanceof Command.Mute m) {
            core.post(new Event.ToggleMute(m.sessionId()));
        } else if (c instanceof Command.Answer a) {
            door(a.place()).ifPresentOrElse(d -> tell(d.answer(a.pane(), a.number(), a.hash())), () -> away(a.place()));
        } else if (c instanceof Command.Reply r) {
            door(r.place()).ifPresentOrElse(d -> tell(d.reply(r.pane(), r.text(), r.force())), () -> away(r.place()));
        } else if (c instanceof Command.Resume r) {
            said(lifetimes.bringBack(r.session(), r.then()));
        } else if (c instanceof Command.NewAgent n) {
            String[] f = dev.muxbar.sidebar.view.AgentForm.parse(n.text());
            String dir =
                    f[2] != null ? f[2].replaceFirst("^~", System.getProperty("user.home")) : cwdOf(s, n.sessionId());
            said(lifetimes.start(f[0], f[1], dir, f[3]));
        } else if (c instanceof Command.Hibernate h) {
            said(lifetimes.hibernate(h.pane()));
        } else if (c instanceof Command.OpenRemote o) {
            openRemote(o, windowTarget -> {
                switchClient(s, own, windowTarget);
                focusContent(s, windowId);
            });
        } else if (c instanceof Command.ReadPrompt || c instanceof Command.Peek || c instanceof Command.EndPeek) {
            throw new AssertionError("the sidebar's input handles what concerns one sidebar: " + c);
        } else {
            throw new AssertionError(c);
        }
    }

    /** Opens (or goes back to) the local window of another machine's session; {@code show} gets its window id. */
    void openRemote(Command.OpenRemote c, Consumer<String> show) {
        remoteWindows.open(c, show);
    }

    /** What acts on the agents at {@code place}: here, or that machine's muxbar while it is connected. */
    java.util.Optional<dev.muxbar.act.AgentDoor> door(dev.muxbar.sidebar.view.Place place) {
        return place.here() ? java.util.Optional.of(agents) : machines.agents(place.host(), place.server());
    }

    /** Says that {@code place}'s machine cannot be reached now. */
    void away(dev.muxbar.sidebar.view.Place place) {
        notice("not sent: " + place.host() + " is not connected");
    }

    /** Reads tmux's clients (and windows) again soon: which window each client views. */
    void refreshClients() {
        core.post(new Event.Refresh(
                java.util.EnumSet.of(dev.muxbar.tmux.Formats.Part.CLIENTS, dev.muxbar.tmux.Formats.Part.WINDOWS)));
    }

    /** A note in every sidebar's footer. */
    void notice(String text) {
        core.post(new Event.ShowNotice(text));
    }

    /** The directory of session {@code sessionId}'s active pane (its active window's), or the home directory. */
    private static String cwdOf(Snapshot s, String sessionId) {
        return s.session(sessionId)
                .flatMap(x -> x.windows().stream().filter(w -> w.active()).findFirst())
                .flatMap(w -> w.panes().stream()
                        .filter(p -> !p.sidebar() && p.active())
                        .findFirst()
                        .or(() -> w.panes().stream().filter(p -> !p.sidebar()).findFirst()))
                .map(Pane::cwd)
                .filter(d -> d.startsWith("/"))
                .orElse(System.getProperty("user.home"));
    }

    /** A line for every sidebar's footer: what was done, or why not. */
    private void said(CompletableFuture<String> done) {
        done.whenComplete((line, err) -> notice(err != null ? "not done: " + err.getMessage() : line));
    }

    /** What became of an action on an agent, in every sidebar's footer: sent, or why nothing was. */
    private void tell(CompletableFuture<dev.muxbar.act.AgentActions.Outcome> outcome) {
        outcome.whenComplete((o, err) -> core.post(new Event.ShowNotice(
                err != null
                        ? "not sent: " + err.getMessage()
                        : o.status() == 200 ? o.message() : "not sent: " + o.message())));
    }

    /**
     * Switches the client viewing the session (the most recently active one if several). When the model
     * knows of none there (it is a moment behind a client that moved), tmux is asked which one it is.
     */
    void switchClient(Snapshot s, Session viewedSession, String targetSessionId) {
        java.util.Optional<Client> known = s.clients().stream()
                .filter(c -> c.sessionId().equals(viewedSession.id()))
                .max(Comparator.comparingLong(Client::activity));
        if (known.isPresent()) {
            Commands.switchUser(Seat.of(s), known.get().name(), targetSessionId).forEach(this::fireAndForget);
            return;
        }
        tmux.send(dev.muxbar.tmux.ClientQuery.viewing(viewedSession.id())).whenComplete((names, err) -> {
            if (err == null && !names.isEmpty()) {
                Commands.switchUser(Seat.of(s), names.get(0), targetSessionId).forEach(this::fireAndForget);
            }
        });
    }

    /** Gives focus back to the window's content: its last active pane, else its first content pane. */
    void focusContent(Snapshot s, String windowId) {
        String firstContent = s.sessions().stream()
                .flatMap(x -> x.windows().stream())
                .filter(w -> w.id().equals(windowId))
                .flatMap(w -> w.panes().stream())
                .filter(p -> !p.sidebar())
                .map(Pane::id)
                .findFirst()
                .orElse(null);
        tmux.send(Commands.lastPane(windowId)).whenComplete((r, err) -> {
            if (err != null && firstContent != null) {
                fireAndForget(Commands.selectPane(firstContent));
            }
        });
    }

    private void fireAndForget(TmuxCommand<Void> command) {
        tmux.send(command).whenComplete((r, e) -> {
            if (e != null) {
                log.accept(command.line() + ": " + e.getMessage());
            }
        });
    }
}
