package dev.muxbar.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.state.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host link's states, stepped with a manual clock and a fake ssh. */
class HostLinkTest {

    @TempDir
    Path dir;

    private final ManualScheduler clock = new ManualScheduler();
    private final Set<Path> present = new HashSet<>();
    private final List<Run> runs = new ArrayList<>();
    private final List<HostLink.Status> seen = new ArrayList<>();

    /** One ssh started: its arguments, where its output goes, its end. */
    private record Run(List<String> argv, Path out, CompletableFuture<Integer> exit, boolean[] killed) {
        String kind() {
            return argv.contains("-N")
                    ? "master"
                    : argv.contains("exit") && argv.contains("-O") ? "exit" : argv.contains("-O") ? "forward" : "run";
        }

        void end(int code, String output) throws Exception {
            Files.writeString(out, output);
            exit.complete(code);
        }
    }

    private HostLink link() {
        return new HostLink(
                new Host("devbox"),
                new Ssh(null),
                null,
                dir,
                (argv, out) -> {
                    Run r = new Run(argv, out, new CompletableFuture<>(), new boolean[1]);
                    runs.add(r);
                    return new HostLink.Spawned() {
                        @Override
                        public CompletableFuture<Integer> exit() {
                            return r.exit();
                        }

                        @Override
                        public void kill() {
                            r.killed()[0] = true;
                        }
                    };
                },
                clock,
                clock,
                seen::add,
                present::contains,
                new Backoff(bound -> 0));
    }

    private Run last(String kind) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).kind().equals(kind)) {
                return runs.get(i);
            }
        }
        throw new AssertionError("no " + kind + " ran: " + runs);
    }

    @Test
    void itConnectsListsTheRemoteDaemonsForwardsThemAndIsUp() throws Exception {
        HostLink link = link();
        link.start();
        assertEquals(HostLink.State.CONNECTING, link.status().state());
        Run master = last("master");
        assertTrue(
                master.argv().containsAll(List.of("-N", "--", "devbox")),
                master.argv().toString());
        assertTrue(master.argv().contains("BatchMode=yes"), "never a prompt");
        clock.advance(HostLink.LOOK_MS * 3);
        assertEquals(1, runs.size(), "nothing else before the connection is up");
        master.end(0, ""); // up, and gone to the background
        present.add(link.control());
        clock.advance(HostLink.LOOK_MS);
        Run list = last("run");
        assertEquals("muxbar 'daemons' '--json'", list.argv().get(list.argv().size() - 1));
        list.end(
                0,
                "[{\"tmux\":\"/tmp/tmux-1000/default\",\"socket\":\"/run/user/1000/muxbar-1000/x/daemon.sock\"},"
                        + "{\"tmux\":\"evil\",\"socket\":\"/tmp/a:localhost:22\"}]");
        clock.runReady();
        Run fwd = last("forward");
        assertTrue(
                fwd.argv().contains(dir.resolve("d0.sock") + ":/run/user/1000/muxbar-1000/x/daemon.sock"),
                fwd.argv().toString());
        fwd.end(0, "");
        clock.runReady();
        assertEquals(HostLink.State.UP, link.status().state(), seen.toString());
        assertEquals(
                List.of(new HostLink.Daemon("/tmp/tmux-1000/default", dir.resolve("d0.sock"))),
                link.status().daemons(),
                "a socket path with ':' is no plain path: not forwarded");
        assertEquals(
                2,
                runs.stream()
                        .filter(r -> r.kind().equals("forward") || r.kind().equals("run"))
                        .count());

        Files.writeString(dir.resolve("master.log"), "Connection to devbox closed by remote host.\n");
        present.remove(link.control()); // the master in the background ended: its socket went with it
        clock.advance(HostLink.ALIVE_MS);
        assertEquals(HostLink.State.DOWN, link.status().state());
        assertEquals(
                "Connection to devbox closed by remote host.", link.status().reason());
        clock.advance(Backoff.FIRST_MS - Backoff.FIRST_MS / 5 - 1);
        assertEquals(1, runs.stream().filter(r -> r.kind().equals("master")).count(), "not before the backoff");
        clock.advance(2);
        assertEquals(2, runs.stream().filter(r -> r.kind().equals("master")).count(), "tried again");
        assertEquals(HostLink.State.CONNECTING, link.status().state());
        present.add(link.control()); // the new master is up
        link.close();
        assertTrue(last("exit").argv().containsAll(List.of("-O", "exit")), "closing ends the master by its socket");
        clock.advance(Backoff.MAX_MS * 2);
        assertEquals(2, runs.stream().filter(r -> r.kind().equals("master")).count(), "nothing after close");
    }

    /** A remote whose muxbar hangs, or pours out output, is ended within its bounds and the link is down. */
    @Test
    void aStepThatHangsOrPoursOutOutputIsKilledAndTheHostIsDown() throws Exception {
        HostLink link = link();
        link.start();
        last("master").end(0, "");
        present.add(link.control());
        clock.advance(HostLink.LOOK_MS);
        Run hangs = last("run");
        clock.advance(BoundedStep.STEP_MS - BoundedStep.GUARD_MS);
        assertTrue(!hangs.killed()[0], "not before its time");
        clock.advance(2 * BoundedStep.GUARD_MS);
        assertTrue(hangs.killed()[0], "killed after " + BoundedStep.STEP_MS + " ms");
        hangs.exit().complete(143);
        clock.runReady();
        assertEquals(HostLink.State.DOWN, link.status().state());
        assertEquals("no answer within 15 s", link.status().reason());

        clock.advance(Backoff.FIRST_MS * 2); // tried again
        last("master").end(0, "");
        clock.advance(HostLink.LOOK_MS);
        Run pours = last("run");
        Files.write(pours.out(), new byte[ProcessRunner.MAX_OUTPUT + 1]);
        clock.advance(BoundedStep.GUARD_MS);
        assertTrue(pours.killed()[0], "killed once over its bound");
        pours.exit().complete(143);
        clock.runReady();
        assertEquals("the muxbar there printed over 1024 KB", link.status().reason());
    }

    @Test
    void aHostThatWantsALoginSaysSoAndWaitsLongerEachTime() throws Exception {
        HostLink link = link();
        link.start();
        last("master").end(255, "me@devbox: Permission denied (publickey).\n");
        clock.runReady();
        assertEquals(HostLink.State.NEEDS_LOGIN, link.status().state());
        assertTrue(
                link.status().reason().contains("Permission denied"),
                link.status().reason());
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long before = clock.now();
            int masters =
                    (int) runs.stream().filter(r -> r.kind().equals("master")).count();
            while (runs.stream().filter(r -> r.kind().equals("master")).count() == masters) {
                clock.advance(100);
            }
            waits.add(clock.now() - before);
            last("master").end(255, "me@devbox: Permission denied (publickey).\n");
            clock.runReady();
        }
        assertTrue(waits.get(0) < 2_000 && waits.get(5) > 20_000, "1 s doubling: " + waits);
        assertTrue(waits.stream().allMatch(w -> w <= Backoff.MAX_MS + 100), "at most a minute: " + waits);
    }

    @Test
    void aMasterThatNeverConnectsIsDownAfterTheBound() {
        HostLink link = link();
        link.start();
        clock.advance(HostLink.CONNECT_MS + HostLink.LOOK_MS);
        assertEquals(HostLink.State.DOWN, link.status().state());
        assertTrue(last("master").killed()[0], "the hanging master is ended");
    }

    @Test
    void aRemoteThatCannotListItsDaemonsIsDownAndAHugeAnswerIsNoList() throws Exception {
        HostLink link = link();
        link.start();
        present.add(link.control());
        clock.advance(HostLink.LOOK_MS);
        last("run").end(0, "x".repeat(2_000_000));
        clock.runReady();
        assertEquals(HostLink.State.DOWN, link.status().state());
        assertTrue(
                link.status().reason().startsWith("the muxbar there cannot list its daemons"),
                link.status().reason());
        assertTrue(
                link.status().reason().length() < 300,
                "bounded: " + link.status().reason().length());
    }
}
