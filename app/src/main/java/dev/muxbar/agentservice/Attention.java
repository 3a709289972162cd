package dev.muxbar.agentservice;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Status;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Tells the user when an agent out of sight starts waiting, finishes, stops on an error or nearly runs
 * out of context or quota — the kinds {@link NotifyRoutes} ({@code @muxbar-notify-on}) lets through,
 * each to the channels it names: a bell in the agent's pane
 * (so tmux's monitor-bell, visual-bell and the terminal's own notification fire) and a short message.
 * The message goes to the sidebars' footer when sidebars are shown: tmux 3.3a stops redrawing a
 * client's panes while {@code display-message} shows (the sidebar would freeze for the display
 * time), so only without sidebars does it become a brief tmux message to clients not looking at that
 * window. Once per transition; muted sessions stay quiet; the first model after a (re)start only
 * primes the memory. Runs on the event loop; the bell is written on {@code io}.
 */
public final class Attention {

    /** tmux message time when there are no sidebars (panes do not redraw meanwhile: keep it short). */
    static final int MESSAGE_MS = 1_500;

    private final TmuxGateway tmux;
    private final Executor io;
    private final Consumer<String> log;
    private final java.util.function.Predicate<String> sidebarNotice;
    private final java.util.function.LongSupplier clock;
    private NotifyCommand notify; // the user's desktop notification, if any
    /** Window a client views, title, body → a notification through that client's terminal (null: off). */
    private TerminalNotifier terminal;

    /** Sends a notification through the terminal of whoever views a window; false when it cannot. */
    public interface TerminalNotifier {
        boolean send(String windowId, String title, String body);
    }

    private NotifyRoutes routes = NotifyRoutes.parse(NotifyRoutes.DEFAULT);
    private Set<String> warned = Set.of(); // agents whose usage warned in the last model
    private Map<String, Agent> last;
    private Map<String, There> lastRemote = Map.of(); // "session @host pane agent" → the agent over there

    /** An agent on another machine, its host, and where it is in words ({@code train @devbox}). */
    private record There(Agent agent, String host, String where) {}

    private Snapshot lastSnapshot;
    private long alerts;
    /** Session id → when it last alerted: a flapping agent rings once per {@link #GAP_MS}, not on every flap. */
    private final Map<String, Long> lastAlert = new HashMap<>();

    static final long GAP_MS = 3_000;

    /** {@code sidebarNotice}: shows a message in the sidebars; false when there are none to show it. */
    public Attention(
            TmuxGateway tmux,
            Executor io,
            Consumer<String> log,
            java.util.function.Predicate<String> sidebarNotice,
            java.util.function.LongSupplier clock) {
        this.clock = clock;
        this.tmux = tmux;
        this.io = io;
        this.log = log;
        this.sidebarNotice = sidebarNotice;
    }

    public void onModel(Model m) {
        Map<String, Agent> now = new HashMap<>();
        m.agents().forEach(a -> now.put(a.pane() + " " + a.agent(), a));
        Map<String, Agent> before = last;
        last = now;
        Map<String, There> remoteBefore = lastRemote;
        lastRemote = remote(m);
        if (before == null) {
            return;
        }
        remoteAlerts(m, remoteBefore);
        if (m.snapshot() != lastSnapshot) { // sessions change with tmux, not with agent events
            lastSnapshot = m.snapshot();
            Set<String> sessions = new java.util.HashSet<>();
            lastSnapshot.sessions().forEach(x -> sessions.add(x.id()));
            lastAlert.keySet().retainAll(sessions); // bounded
        }
        Set<String> viewed = null; // worked out only when some agent starts to need the user
        Set<String> warnedBefore = warned;
        warned = warning(m);
        for (Map.Entry<String, Agent> e : now.entrySet()) {
            Agent a = e.getValue();
            NotifyRoutes.Kind kind =
                    kind(a, before.get(e.getKey()), warned.contains(e.getKey()) && !warnedBefore.contains(e.getKey()));
            if (kind == null || !routes.any(kind)) {
                continue;
            }
            if (viewed == null) {
                viewed = m.snapshot().viewedWindows().keySet();
            }
            if (!viewed.contains(a.windowId()) && !m.muted().contains(a.sessionId())) {
                long t = clock.getAsLong();
                Long prevAt = lastAlert.get(a.sessionId());
                if (prevAt == null || t - prevAt >= GAP_MS) {
                    lastAlert.put(a.sessionId(), t);
                    alert(m.snapshot(), a, kind);
                }
            }
        }
    }

    /**
     * What happened to an agent since {@code prev} (null: it is new), or null when nothing worth telling:
     * it starts to wait, it finished out of sight, it stops on an error, its usage starts to warn.
     */
    static NotifyRoutes.Kind kind(Agent a, Agent prev, boolean startsWarning) {
        if (a.status() == Status.WAITING && (prev == null || prev.status() != Status.WAITING)) {
            return NotifyRoutes.Kind.WAITING;
        }
        if (a.status() == Status.ERROR && (prev == null || prev.status() != Status.ERROR)) {
            return NotifyRoutes.Kind.ERROR;
        }
        if (a.unseen() && (prev == null || !prev.unseen() || prev.since() != a.since())) {
            return NotifyRoutes.Kind.DONE;
        }
        return startsWarning ? NotifyRoutes.Kind.USAGE : null;
    }

    /** The agents (by pane and kind) whose context or quota is nearly used up. */
    private static Set<String> warning(Model m) {
        if (m.usage().isEmpty()) {
            return Set.of();
        }
        Set<String> out = new java.util.HashSet<>();
        for (Agent a : m.agents()) {
            dev.muxbar.model.Usage u = m.usageOf(a);
            if (u != null && u.warns()) {
                out.add(a.pane() + " " + a.agent());
            }
        }
        return out;
    }

    /** Which kinds notify, and where ({@code @muxbar-notify-on}). */
    void routeWith(NotifyRoutes r) {
        this.routes = r;
    }

    /** The other machines' agents, by host, session and pane (their ids are the other machine's). */
    private static Map<String, There> remote(Model m) {
        if (m.hosts().isEmpty()) {
            return Map.of();
        }
        Map<String, There> out = new HashMap<>();
        for (dev.muxbar.model.HostView h : m.hosts()) {
            for (dev.muxbar.model.RemoteSession rs : h.sessions()) {
                String where = rs.name() + " @" + h.name();
                rs.agents()
                        .forEach(a -> out.put(where + " " + a.pane() + " " + a.agent(), new There(a, h.name(), where)));
            }
        }
        return out;
    }

    /**
     * An agent on another machine that starts to wait, or finished: the same alerts but the bell (no
     * pane here rings for it), once per {@link #GAP_MS} per session over there; nobody here sees it.
     * A host's first agents only prime, as the first model does (a host coming up rings nothing).
     */
    private void remoteAlerts(Model m, Map<String, There> before) {
        Set<String> known = new java.util.HashSet<>();
        before.values().forEach(x -> known.add(x.host()));
        for (Map.Entry<String, There> e : lastRemote.entrySet()) {
            Agent a = e.getValue().agent();
            There prev = before.get(e.getKey());
            NotifyRoutes.Kind kind = kind(a, prev == null ? null : prev.agent(), false);
            String where = e.getValue().where();
            long t = clock.getAsLong();
            Long prevAt = lastAlert.get(where);
            if (kind != null
                    && routes.any(kind)
                    && known.contains(e.getValue().host())
                    && (prevAt == null || t - prevAt >= GAP_MS)) {
                lastAlert.put(where, t);
                alerts++;
                announce(m.snapshot(), a, where, null, kind);
            }
        }
    }

    /** Also notifies through the terminals of the clients that do not see the agent (null: off). */
    void notifyTerminals(TerminalNotifier t) {
        this.terminal = t;
    }

    /** Also runs the user's notification command (null: none) for each alert. */
    void notifyWith(NotifyCommand n) {
        this.notify = n;
    }

    /** Alerts sent since start (for tests). */
    public long alerts() {
        return alerts;
    }

    private void alert(Snapshot s, Agent a, NotifyRoutes.Kind kind) {
        alerts++;
        String session = s.session(a.sessionId()).map(Snapshot.Session::name).orElse(a.sessionId());
        if (routes.to(kind, NotifyRoutes.Channel.BELL)) {
            s.pane(a.pane()).ifPresent(p -> io.execute(() -> bell(p.tty())));
        }
        announce(s, a, session, a.windowId(), kind);
    }

    /**
     * The notification, the terminal notes and the sidebar notice (or a tmux message) for an agent in
     * {@code session}; {@code windowId}: where it runs here (its viewers need none), null elsewhere.
     */
    private void announce(Snapshot s, Agent a, String session, String windowId, NotifyRoutes.Kind kind) {
        String what = kind == NotifyRoutes.Kind.USAGE
                ? "is nearly out of context or quota"
                : a.status() == Status.WAITING ? "waits for you" : a.status().label();
        String text = a.agent() + " " + what + " in " + session;
        if (notify != null && routes.to(kind, NotifyRoutes.Channel.COMMAND)) {
            notify.send(new NotifyCommand.Note(
                    a.agent(), a.status().label(), session, windowId == null ? "" : a.pane(), text));
        }
        if (terminal != null && routes.to(kind, NotifyRoutes.Channel.TERMINAL)) {
            // Once per window: tmux passes a pane's escape to every client that shows it.
            Set<String> windows = new java.util.LinkedHashSet<>();
            for (Snapshot.Client c : s.clients()) {
                s.viewedBy(c).filter(w -> !w.id().equals(windowId)).ifPresent(w -> windows.add(w.id()));
            }
            for (String w : windows) {
                terminal.send(w, "muxbar", text);
            }
        }
        if (!routes.to(kind, NotifyRoutes.Channel.MESSAGE) || sidebarNotice.test(text)) {
            return;
        }
        text = "muxbar: " + text;
        for (Snapshot.Client c : s.clients()) {
            if (s.viewedBy(c).filter(w -> w.id().equals(windowId)).isEmpty()) {
                tmux.send(Commands.message(c.tty(), MESSAGE_MS, text));
            }
        }
    }

    /** BEL written to the pane's terminal looks to tmux like the agent rang it. */
    private void bell(String tty) {
        try (FileOutputStream out = new FileOutputStream(tty)) {
            out.write(7);
        } catch (IOException e) {
            log.accept("cannot ring the bell on " + tty + ": " + e.getMessage());
        }
    }
}
