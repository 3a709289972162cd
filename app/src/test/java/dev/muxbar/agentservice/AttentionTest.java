package dev.muxbar.agentservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.agents.AgentFixtures;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.tmux.FakeTmux;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttentionTest {

    private final FakeTmux tmux = new FakeTmux();
    private final List<String> notices = new ArrayList<>();
    private final List<Runnable> bells = new ArrayList<>();
    private long now;
    private boolean sidebars = true;
    private final Attention attention =
            new Attention(tmux, bells::add, m -> {}, t -> sidebars && notices.add(t), () -> now);

    /** Agent in pane %1 (session $1 "work", window @1); the client views $2 unless {@code viewWork}. */
    private static Model model(Status status, boolean unseen, boolean viewWork, Set<String> muted) {
        Snapshot s = AgentFixtures.snapshot("claude", viewWork, !viewWork);
        Agent a = new Agent("%1", "@1", "$1", "claude", "t", status, Source.HOOK, 0, null, null, unseen);
        return Model.of(s, OrderBook.EMPTY.reconcile(s), List.of(a), muted);
    }

    @Test
    void alertsOncePerTransitionOutOfSightAndNotWhenMutedOrViewed() {
        attention.onModel(model(Status.WAITING, false, false, Set.of()));
        assertEquals(0, attention.alerts(), "the first model only primes (a restart rings nothing)");
        attention.onModel(model(Status.RUNNING, false, false, Set.of()));
        now += Attention.GAP_MS;
        attention.onModel(model(Status.WAITING, false, false, Set.of()));
        assertEquals(List.of("claude waits for you in work"), notices);
        assertEquals(1, bells.size(), "a bell in the agent's pane");
        attention.onModel(model(Status.WAITING, false, false, Set.of()));
        assertEquals(1, attention.alerts(), "the same transition does not repeat");
        // Flapping within the gap: quiet.
        attention.onModel(model(Status.RUNNING, false, false, Set.of()));
        attention.onModel(model(Status.WAITING, false, false, Set.of()));
        assertEquals(1, attention.alerts());
        now += Attention.GAP_MS;
        attention.onModel(model(Status.DONE, true, false, Set.of("$1")));
        assertEquals(1, attention.alerts(), "muted");
        attention.onModel(model(Status.RUNNING, false, true, Set.of()));
        attention.onModel(model(Status.WAITING, false, true, Set.of()));
        assertEquals(1, attention.alerts(), "someone looks at that window");
    }

    @Test
    void withoutSidebarsTheClientsGetAShortTmuxMessage() {
        sidebars = false;
        attention.routeWith(NotifyRoutes.parse("waiting,done")); // done is not told by default
        attention.onModel(model(Status.RUNNING, false, false, Set.of()));
        attention.onModel(model(Status.DONE, true, false, Set.of()));
        assertEquals(1, attention.alerts());
        assertTrue(
                tmux.commands.stream()
                        .anyMatch(c -> c.startsWith("display-message -c '/dev/pts/51' -d 1500")
                                && c.contains("muxbar: claude done in work")),
                tmux.commands.toString());
    }

    /** Was: "cannot quote for tmux" on the loop, and the message never showed. */
    @Test
    void aMessageNamingAnOddSessionIsQuotedNotDropped() {
        sidebars = false;
        String odd = "it's \"#{x}\" #(id); $HOME \\ end";
        Snapshot base = AgentFixtures.snapshot("claude", false, true);
        Snapshot.Session work = base.sessions().get(0);
        Snapshot s = new Snapshot(
                base.server(),
                List.of(
                        new Snapshot.Session(work.id(), odd, work.created(), work.attached(), work.windows()),
                        base.sessions().get(1)),
                base.clients());
        Agent running = new Agent("%1", "@1", "$1", "claude", "t", Status.RUNNING, Source.HOOK, 0, null, null, false);
        attention.onModel(Model.of(s, OrderBook.EMPTY.reconcile(s), List.of(running), Set.of()));
        attention.onModel(Model.of(
                s,
                OrderBook.EMPTY.reconcile(s),
                List.of(new Agent("%1", "@1", "$1", "claude", "t", Status.WAITING, Source.HOOK, 0, null, null, false)),
                Set.of()));
        assertEquals(1, attention.alerts());
        String expected = "display-message -c '/dev/pts/51' -d 1500 "
                + dev.muxbar.tmux.TmuxQuote.q("muxbar: claude waits for you in " + odd.replace("#", "##"));
        assertTrue(tmux.commands.contains(expected), tmux.commands.toString());
    }

    /** An agent on another machine: no pane here rings, but the notice says where it is. */
    @Test
    void anAgentOnAnotherMachineAlertsWithItsHostAndRingsNoBell() {
        Snapshot s = AgentFixtures.snapshot("zsh", false, true);
        java.util.function.Function<Status, Model> with = st -> Model.of(
                s,
                OrderBook.EMPTY.reconcile(s),
                List.of(),
                Set.of(),
                dev.muxbar.model.Choices.DEFAULT,
                java.util.Map.of(),
                List.of(new dev.muxbar.model.HostView(
                        "devbox",
                        "up",
                        0,
                        "",
                        List.of(),
                        List.of(new dev.muxbar.model.RemoteSession(
                                "/tmp/tmux-1000/default",
                                "train",
                                1,
                                false,
                                List.of(new Agent(
                                        "%1",
                                        "@1",
                                        "$1",
                                        "claude",
                                        null,
                                        st,
                                        Source.SCREEN,
                                        0,
                                        null,
                                        null,
                                        false,
                                        null,
                                        "devbox")))))));
        attention.onModel(Model.of(s, OrderBook.EMPTY.reconcile(s), List.of(), Set.of())); // primes
        attention.onModel(with.apply(Status.WAITING));
        assertEquals(List.of(), notices, "a host coming up with an agent waiting only primes");
        attention.onModel(with.apply(Status.RUNNING));
        now += Attention.GAP_MS;
        attention.onModel(with.apply(Status.WAITING));
        assertEquals(List.of("claude waits for you in train @devbox"), notices);
        assertEquals(0, bells.size(), "no pane here to ring");
        attention.onModel(with.apply(Status.WAITING));
        assertEquals(1, attention.alerts(), "once per transition");
    }

    @Test
    void onlyTheKindsAskedForNotifyAndOnlyWhereAsked() {
        attention.onModel(model(Status.RUNNING, false, false, Set.of()));
        attention.onModel(model(Status.DONE, true, false, Set.of()));
        assertEquals(0, attention.alerts(), "finished: not told by default (waiting and errors only)");
        now += Attention.GAP_MS;
        attention.onModel(model(Status.ERROR, false, false, Set.of()));
        assertEquals(1, attention.alerts(), "an error is");
        assertEquals(1, bells.size());
        attention.routeWith(NotifyRoutes.parse("waiting:message"));
        attention.onModel(model(Status.RUNNING, false, false, Set.of()));
        now += Attention.GAP_MS;
        attention.onModel(model(Status.WAITING, false, false, Set.of()));
        assertEquals(2, attention.alerts());
        assertEquals(1, bells.size(), "no bell: only the message was asked for");
        assertEquals("claude waits for you in work", notices.get(notices.size() - 1));
        attention.routeWith(NotifyRoutes.parse("none"));
        attention.onModel(model(Status.RUNNING, false, false, Set.of()));
        now += Attention.GAP_MS;
        attention.onModel(model(Status.WAITING, false, false, Set.of()));
        assertEquals(2, attention.alerts(), "none: quiet");
    }

    @Test
    void notifyOnReadsKindsAndChannels() {
        NotifyRoutes d = NotifyRoutes.parse("");
        assertTrue(d.to(NotifyRoutes.Kind.WAITING, NotifyRoutes.Channel.WEB));
        assertTrue(d.any(NotifyRoutes.Kind.ERROR));
        assertTrue(!d.any(NotifyRoutes.Kind.DONE) && !d.any(NotifyRoutes.Kind.USAGE));
        NotifyRoutes r = NotifyRoutes.parse("waiting, done:web+bell ,usage:command");
        assertTrue(r.to(NotifyRoutes.Kind.DONE, NotifyRoutes.Channel.WEB));
        assertTrue(!r.to(NotifyRoutes.Kind.DONE, NotifyRoutes.Channel.MESSAGE));
        assertEquals(List.of("waiting", "done"), r.webKinds());
        assertEquals(4, NotifyRoutes.parse("all").routes().size());
        for (String bad : List.of("wating", "done:email", "waiting:", "$(id)")) {
            org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> NotifyRoutes.parse(bad), bad);
        }
    }
}
