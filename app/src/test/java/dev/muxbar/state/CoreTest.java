package dev.muxbar.state;

import static dev.muxbar.testing.Snapshots.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.tmux.FakeTmux;
import dev.muxbar.tmux.Formats.Part;
import dev.muxbar.tmux.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CoreTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final FakeTmux tmux = new FakeTmux();
    private final List<String> log = new ArrayList<>();
    private final Core core = newCore(CoreParts.NONE);
    private final List<Model> seen = new ArrayList<>();

    CoreTest() {
        core.subscribe(clock, seen::add);
    }

    /** A core built with these parts, whose models go to {@link #seen} (instead of the field's). */
    private Core newCore(CoreParts parts) {
        return new Core(
                clock, clock, tmux::refresh, tmux::paneProcesses, OrderBook.EMPTY, CoreTiming.DEFAULT, log::add, parts);
    }

    private Core coreWith(CoreParts parts) {
        Core c = newCore(parts);
        seen.clear();
        c.subscribe(clock, seen::add);
        return c;
    }

    /** The first pane of the newest model seen. */
    private Snapshot.Pane firstPane() {
        return seen.get(seen.size() - 1)
                .snapshot()
                .sessions()
                .get(0)
                .windows()
                .get(0)
                .panes()
                .get(0);
    }

    private void landWith(Snapshot s) {
        tmux.lastRefresh().complete(s);
        clock.runReady();
    }

    private void change() {
        core.handle(new Event.TmuxChanged(new Notification.SessionsChanged()));
    }

    @Test
    void publishesOnlyWhenContentChanged() {
        core.start();
        clock.advance(16);
        Snapshot s = of(1, 1, "$0", "alpha");
        landWith(s);
        assertEquals(1, seen.size());
        change();
        clock.advance(16);
        landWith(of(1, 1, "$0", "alpha")); // equal content, new object
        assertEquals(1, seen.size(), "same content is not published again");
        change();
        clock.advance(16);
        landWith(of(1, 1, "$0", "alpha", "$1", "beta"));
        assertEquals(2, seen.size());
        assertEquals(3, core.stats().refreshes());
        assertEquals(2, core.stats().publishes());
    }

    /** The user's choices live in the model and change only by events, from the API and keys alike. */
    @Test
    void sidebarChoicesAndNoticesAreLoopStatePublishedInTheModel() {
        core.start();
        clock.advance(16);
        landWith(of(1, 1, "$0", "alpha"));
        CompletableFuture<Boolean> off = new CompletableFuture<>();
        core.handle(new Event.SetSidebars(null, off)); // flip
        assertEquals(false, off.join());
        assertEquals(false, latest().choices().sidebars());
        core.handle(new Event.SetWidth(44, false));
        Model preview = latest();
        assertEquals(44, preview.choices().width());
        assertEquals(30, preview.choices().keptWidth(), "a preview is not kept");
        core.handle(new Event.SetWidth(44, true));
        assertEquals(44, latest().choices().keptWidth());
        long before = core.stats().publishes();
        core.handle(new Event.SetWidth(44, true));
        assertEquals(before, core.stats().publishes(), "the same choice publishes nothing");

        // Timed to the millisecond: read the newest model (subscribers get it within a frame).
        core.handle(new Event.ShowNotice("claude waits for you in alpha"));
        assertEquals("claude waits for you in alpha", core.model().choices().notice());
        clock.advance(Core.NOTICE_MS - 1);
        core.handle(new Event.ShowNotice("codex finished in alpha")); // a newer one restarts the time
        clock.advance(Core.NOTICE_MS - 1);
        assertEquals("codex finished in alpha", core.model().choices().notice());
        clock.advance(1);
        assertEquals(null, core.model().choices().notice(), "gone after NOTICE_MS");
        assertEquals(null, latest().choices().notice());
    }

    /** A theme is chosen by event (the API and the t key alike); the model carries the name shown. */
    @Test
    void themesAreChosenByEventAndTheModelNamesTheOneShown() {
        java.util.List<String> shown = new ArrayList<>();
        Core core = coreWith(CoreParts.NONE.showing(new dev.muxbar.theme.ThemeChoices() {
            @Override
            public dev.muxbar.theme.Theme current() {
                return dev.muxbar.theme.Theme.builtIn("default");
            }

            @Override
            public List<dev.muxbar.theme.Theme> all() {
                return List.of(current());
            }

            @Override
            public dev.muxbar.theme.ThemeResult set(String name, boolean keep) {
                if (!name.equals("nord")) {
                    return new dev.muxbar.theme.ThemeResult.NoSuchTheme("no theme called " + name);
                }
                shown.add(name);
                return new dev.muxbar.theme.ThemeResult.Shown(name, keep);
            }
        }));
        core.start();
        clock.advance(16);
        landWith(of(1, 1, "$0", "alpha"));
        CompletableFuture<dev.muxbar.theme.ThemeResult> nord = new CompletableFuture<>();
        core.handle(new Event.ChooseTheme("nord", true, nord));
        assertEquals(new dev.muxbar.theme.ThemeResult.Shown("nord", true), nord.join());
        assertEquals("nord", latest().choices().theme());
        CompletableFuture<dev.muxbar.theme.ThemeResult> bad = new CompletableFuture<>();
        core.handle(new Event.ChooseTheme("x'; rm -rf ~", false, bad));
        assertTrue(bad.join() instanceof dev.muxbar.theme.ThemeResult.NoSuchTheme);
        assertEquals("nord", latest().choices().theme(), "a refused name changes nothing");
        core.handle(new Event.ThemeShown("one-light")); // the system turned light
        assertEquals("one-light", latest().choices().theme());
        assertEquals(List.of("nord"), shown);
    }

    /** What subscribers have one frame after the events so far (models reach them at most once a frame). */
    private Model latest() {
        frame();
        return seen.get(seen.size() - 1);
    }

    private void frame() {
        clock.advance(CoreTiming.DEFAULT.publishFrame());
    }

    @Test
    void clientActivityAloneDoesNotPublish() {
        core.start();
        clock.advance(16);
        Snapshot a = of(1, 1, "$0", "alpha");
        Snapshot withClient = new Snapshot(
                a.server(),
                a.sessions(),
                List.of(new Snapshot.Client("/dev/pts/1", "/dev/pts/1", 5, "$0", 1000, 80, 24)));
        landWith(withClient);
        change();
        clock.advance(16);
        landWith(new Snapshot(
                a.server(),
                a.sessions(),
                List.of(new Snapshot.Client("/dev/pts/1", "/dev/pts/1", 5, "$0", 2000, 80, 24))));
        assertEquals(1, seen.size());
    }

    @Test
    void aNewClientsListIsReadAgainOnceTmuxKnowsItsTerminal() {
        core.start();
        clock.advance(16);
        Snapshot a = of(1, 1, "$0", "alpha");
        landWith(a);
        change();
        clock.advance(16);
        // At attach tmux has not yet heard the terminal's answers: no RGB.
        landWith(new Snapshot(
                a.server(),
                a.sessions(),
                List.of(new Snapshot.Client("/dev/pts/1", "/dev/pts/1", 5, "$0", 1000, 80, 24, false))));
        int before = tmux.refreshes.size();
        clock.advance(TmuxReader.CLIENT_RECHECK_MS[0] + CoreTiming.DEFAULT.debounce());
        assertEquals(before + 1, tmux.refreshes.size(), "a follow-up read without any notification");
        assertTrue(tmux.refreshParts.get(before).contains(Part.CLIENTS), "of the clients: " + tmux.refreshParts);
        landWith(new Snapshot(
                a.server(),
                a.sessions(),
                List.of(new Snapshot.Client("/dev/pts/1", "/dev/pts/1", 5, "$0", 1000, 80, 24, true))));
        assertTrue(
                seen.get(seen.size() - 1).snapshot().clients().get(0).rgb(),
                "the model now knows the client takes RGB");
        clock.advance(TmuxReader.CLIENT_RECHECK_MS[1]);
        assertEquals(before + 2, tmux.refreshes.size(), "and a second, later one");
        tmux.lastRefresh().complete(seen.get(seen.size() - 1).snapshot());
        clock.runReady();
        clock.advance(TmuxReader.CLIENT_RECHECK_MS[1] * 2);
        assertEquals(before + 2, tmux.refreshes.size(), "a known client is not read again");
    }

    @Test
    void reconciliationPollRefreshesWithoutEvents() {
        core.start();
        clock.advance(16);
        landWith(of(1, 1, "$0", "alpha"));
        int before = tmux.refreshes.size();
        clock.advance(CoreTiming.DEFAULT.reconcile() + 16);
        assertEquals(before + 1, tmux.refreshes.size());
        core.stop();
        tmux.lastRefresh().complete(of(1, 1, "$0", "alpha"));
        clock.advance(60_000);
        assertEquals(before + 1, tmux.refreshes.size(), "no poll after stop");
    }

    @Test
    void orderEditsPublishAndBadEditsChangeNothing() {
        core.start();
        clock.advance(16);
        landWith(of(1, 1, "$0", "alpha", "$1", "beta"));
        CompletableFuture<Void> ok = new CompletableFuture<>();
        core.handle(new Event.EditOrder(new Event.OrderEdit.Move("$1", 1), ok));
        frame();
        assertTrue(ok.isDone() && !ok.isCompletedExceptionally(), "acknowledged: " + ok);
        assertEquals(
                List.of("beta", "alpha"),
                dev.muxbar.testing.Snapshots.names(seen.get(seen.size() - 1).shown()));
        int published = seen.size();
        CompletableFuture<Void> bad = new CompletableFuture<>();
        core.handle(new Event.EditOrder(new Event.OrderEdit.Hide("$7"), bad));
        assertTrue(bad.isCompletedExceptionally());
        clock.runReady();
        assertEquals(published, seen.size());
    }

    @Test
    void anEditIsAcknowledgedOnlyOnceItsOrderIsSaved() {
        List<CompletableFuture<Void>> saves = new ArrayList<>();
        List<OrderBook> saved = new ArrayList<>();
        Core core = coreWith(CoreParts.NONE.saving(b -> {
            saved.add(b);
            CompletableFuture<Void> f = new CompletableFuture<>();
            saves.add(f);
            return f;
        }));
        core.start();
        clock.advance(16);
        landWith(of(1, 1, "$0", "alpha", "$1", "beta"));
        CompletableFuture<Void> ok = new CompletableFuture<>();
        core.handle(new Event.EditOrder(new Event.OrderEdit.Move("$1", 1), ok));
        assertEquals(1, saved.size());
        assertEquals(
                List.of("$1", "$0"),
                saved.get(0).custom().stream().map(OrderBook.Entry::id).toList(),
                "the book that is saved has the move");
        assertTrue(!ok.isDone(), "no answer before the save");
        saves.get(0).complete(null);
        assertTrue(ok.isDone() && !ok.isCompletedExceptionally(), "acknowledged: " + ok);
        CompletableFuture<Void> failed = new CompletableFuture<>();
        core.handle(new Event.EditOrder(new Event.OrderEdit.Reset(), failed));
        saves.get(1).completeExceptionally(new java.io.IOException("disk full"));
        assertTrue(failed.isCompletedExceptionally(), "a save that failed is not acknowledged");
    }

    @Test
    void paneCommandsComeFromTheScanAndNewPanesTriggerOne() {
        core.start();
        clock.advance(16);
        landWith(of(1, 1, "$0", "alpha")); // pane %0, command unknown yet
        clock.advance(CoreTiming.DEFAULT.scanMaxWait());
        assertEquals(1, tmux.scans.size(), "a new pane triggers a scan before the poll");
        tmux.scans
                .get(0)
                .complete(java.util.Map.of(
                        "%0",
                        new Snapshot.PaneProcess("claude", "/src"), "%99", new Snapshot.PaneProcess("ghost", "/")));
        clock.runReady();
        Snapshot.Pane p = firstPane();
        assertEquals(new Snapshot.PaneProcess("claude", "/src"), new Snapshot.PaneProcess(p.command(), p.cwd()));

        // A structural refresh keeps the known command; a renamed window asks for a new scan.
        change();
        clock.advance(16);
        landWith(of(1, 1, "$0", "alpha"));
        assertEquals("claude", firstPane().command());
        core.handle(new Event.TmuxChanged(new Notification.WindowChanged(Notification.Change.RENAMED, true, "@0")));
        clock.advance(CoreTiming.DEFAULT.scanMaxWait());
        assertEquals(2, tmux.scans.size());
        tmux.scans.get(1).complete(java.util.Map.of("%0", new Snapshot.PaneProcess("zsh", "/src")));
        clock.runReady();
        assertEquals("zsh", firstPane().command());
    }

    @Test
    void scanPollRunsWithoutEvents() {
        core.start();
        clock.advance(16);
        landWith(of(1, 1, "$0", "alpha"));
        clock.advance(CoreTiming.DEFAULT.scanMaxWait());
        tmux.scans.get(0).complete(java.util.Map.of("%0", new Snapshot.PaneProcess("zsh", "/")));
        clock.runReady();
        clock.advance(CoreTiming.DEFAULT.scanPoll() + CoreTiming.DEFAULT.scanDebounce());
        assertEquals(2, tmux.scans.size());
    }

    @Test
    void refreshesFetchOnlyThePartsTheNotificationsTouched() {
        core.start();
        clock.advance(16);
        assertEquals(java.util.EnumSet.allOf(Part.class), tmux.refreshParts.get(0), "first refresh is full");
        landWith(of(1, 1, "$0", "alpha"));
        core.handle(new Event.TmuxChanged(new Notification.ClientSessionChanged("/dev/pts/3", "$0", "alpha")));
        clock.advance(16);
        assertEquals(Set.of(Part.CLIENTS), tmux.refreshParts.get(1));
        // Marks during a flight go to the trailing refresh, merged.
        core.handle(new Event.TmuxChanged(new Notification.SessionRenamed("$0", "x")));
        core.handle(new Event.TmuxChanged(new Notification.WindowPaneChanged("@0", "%1")));
        landWith(of(1, 1, "$0", "alpha"));
        clock.advance(16);
        assertEquals(Set.of(Part.SESSIONS, Part.PANES), tmux.refreshParts.get(2));
        // A failed refresh gives its parts back to the next one.
        tmux.lastRefresh().completeExceptionally(new RuntimeException("gone"));
        clock.runReady();
        core.handle(new Event.TmuxChanged(new Notification.ClientDetached("/dev/pts/3")));
        clock.advance(16);
        assertEquals(Set.of(Part.SESSIONS, Part.PANES, Part.CLIENTS), tmux.refreshParts.get(3));
        // Irrelevant notifications do not refresh at all.
        landWith(of(1, 1, "$0", "alpha"));
        core.handle(new Event.TmuxChanged(new Notification.Other("paste-buffer-changed", List.of("buffer0"))));
        core.handle(new Event.TmuxChanged(new Notification.PaneModeChanged("%0")));
        clock.advance(1_000);
        assertEquals(4, tmux.refreshParts.size());
    }

    @Test
    void failedRefreshIsCountedAndLogged() {
        core.start();
        clock.advance(16);
        tmux.lastRefresh().completeExceptionally(new RuntimeException("gone"));
        clock.runReady();
        assertEquals(1, core.stats().refreshFailures());
        assertTrue(log.get(0).contains("gone"));
        assertTrue(seen.isEmpty());
    }

    /** A subscriber that follows one part of the model (a file of the order) is not woken for agents. */
    @Test
    void aSubscriberOfOnePartIsOfferedOnlyItsChanges() {
        Core c = newCore(CoreParts.NONE.agents(
                new dev.muxbar.agents.Tracker(pid -> 0), snap -> dev.muxbar.agents.Identities.NONE));
        List<Model> all = new ArrayList<>();
        List<Model> orders = new ArrayList<>();
        c.subscribe(clock, all::add);
        c.subscribe(clock, orders::add, Model::shown);
        c.start();
        clock.advance(16);
        tmux.lastRefresh().complete(of(1, 1, "$1", "work", "$2", "play"));
        clock.advance(100);
        assertEquals(1, orders.size(), "the first model");
        for (dev.muxbar.model.Status s : List.of(dev.muxbar.model.Status.RUNNING, dev.muxbar.model.Status.WAITING)) {
            c.handle(new Event.AgentSignal(
                    dev.muxbar.agents.Signal.of(dev.muxbar.model.Source.HOOK, "claude", s, "%1", "t"), null));
            clock.advance(100);
        }
        assertEquals(3, all.size(), "every model for a subscriber of all of it");
        assertEquals(1, orders.size(), "agents changed, the order did not");
        CompletableFuture<Void> moved = new CompletableFuture<>();
        c.handle(new Event.EditOrder(new Event.OrderEdit.Move("$2", 1), moved));
        clock.advance(100);
        assertEquals(2, orders.size(), "the order changed");
        assertEquals(
                List.of("play", "work"),
                dev.muxbar.testing.Snapshots.names(orders.get(1).shown()));
    }

    /** 200 hook events a second: readers of the model see each at once, subscribers once a frame. */
    @Test
    void aBurstOfAgentSignalsReachesSubscribersOncePerFrame() {
        Core c = newCore(CoreParts.NONE.agents(
                new dev.muxbar.agents.Tracker(pid -> 0), snap -> dev.muxbar.agents.Identities.NONE));
        List<Model> models = new ArrayList<>();
        c.subscribe(clock, models::add);
        c.start();
        clock.advance(16);
        tmux.lastRefresh().complete(of(1, 1, "$1", "work"));
        clock.advance(100);
        int before = models.size();
        dev.muxbar.model.Status[] cycle = {
            dev.muxbar.model.Status.RUNNING, dev.muxbar.model.Status.TOOL_RUNNING, dev.muxbar.model.Status.WAITING
        };
        for (int i = 0; i < 6; i++) { // one every 2 ms
            dev.muxbar.model.Status s = cycle[i % 3];
            c.handle(new Event.AgentSignal(
                    dev.muxbar.agents.Signal.of(dev.muxbar.model.Source.HOOK, "claude", s, "%1", "t"), null));
            assertEquals(s, c.model().agents().get(0).status(), "the model itself is current at once");
            clock.advance(2);
        }
        assertEquals(before + 1, models.size(), "the first at once, the rest wait for the frame's end");
        clock.advance(16);
        assertEquals(before + 2, models.size(), "one more at the frame's end");
        assertEquals(
                dev.muxbar.model.Status.WAITING,
                models.get(models.size() - 1).agents().get(0).status(),
                "with the newest status");
        assertEquals(models.size(), c.stats().publishes());
    }

    @Test
    void agentSignalsAndMutesArePublished() throws Exception {
        List<String> trace = new ArrayList<>();
        Core c = newCore(CoreParts.NONE
                .tracing(line -> trace.add(line.get()))
                .agents(new dev.muxbar.agents.Tracker(pid -> 0), snap -> dev.muxbar.agents.Identities.NONE));
        List<Model> models = new ArrayList<>();
        c.subscribe(clock, models::add);
        c.start();
        clock.advance(16);
        tmux.lastRefresh().complete(of(1, 1, "$1", "work"));
        clock.runReady();
        CompletableFuture<dev.muxbar.agents.Tracker.Outcome> done = new CompletableFuture<>();
        c.handle(new Event.AgentSignal(
                dev.muxbar.agents.Signal.of(
                        dev.muxbar.model.Source.HOOK, "claude", dev.muxbar.model.Status.WAITING, "%1", "t"),
                done));
        frame();
        assertEquals(dev.muxbar.agents.Tracker.Outcome.CHANGED, done.get());
        // Status changes come at a steady rate with normal use: debug lines, not log lines.
        assertTrue(log.stream().noneMatch(l -> l.startsWith("agent ")), log.toString());
        assertTrue(
                trace.stream().anyMatch(l -> l.startsWith("agent claude") && l.contains("waiting")), trace.toString());
        Model last = models.get(models.size() - 1);
        assertEquals(1, last.agents().size());
        assertEquals(
                List.of("$1"),
                last.needingAttention().stream().map(Snapshot.Session::id).toList());
        c.handle(new Event.ToggleMute("$1"));
        frame();
        assertEquals(Set.of("$1"), models.get(models.size() - 1).muted());
        c.handle(new Event.ToggleMute("$1"));
        frame();
        assertEquals(Set.of(), models.get(models.size() - 1).muted());
        c.stop();
    }
}
