package dev.muxbar.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway over a fake control-mode peer (a shell script in tmux's wire shape): replies matched
 * to commands in order, %error as a typed exception, notifications to the listener, re-attaching
 * when the peer ends, and "server gone" when it cannot.
 */
class ControlGatewayTest {

    /** The unasked block after attach, a notification, then one block per line echoing it. */
    private static final String PEER = String.join(
            "\n",
            "#!/bin/sh",
            "printf '%%begin 100 1 0\\n%%end 100 1 0\\n'",
            "printf '%%session-changed $0 alpha\\n'",
            "n=1",
            "while IFS= read -r line; do",
            "  n=$((n+1))",
            "  case $line in quit) exit 0 ;; notify*) printf '%%sessions-changed\\n' ;; esac",
            "  case $line in 'display-message -p \"#{S:'*) [ -f \"$0.moved\" ] && line=moved || line=still ;; esac",
            "  printf '%%begin 100 %d 1\\n' \"$n\"",
            "  case $line in",
            "    fail*) printf 'unknown command: %s\\n%%error 100 %d 1\\n' \"$line\" \"$n\" ;;",
            "    *) printf '%s\\n%%end 100 %d 1\\n' \"$line\" \"$n\" ;;",
            "  esac",
            "done",
            "");

    @TempDir
    Path tmp;

    private final List<Notification> heard = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicInteger starts = new AtomicInteger();
    private volatile boolean refuse;
    private final CountDownLatch reattached = new CountDownLatch(1);
    private final CountDownLatch gone = new CountDownLatch(1);
    private ControlGateway gateway;

    private ControlGateway connect() throws IOException {
        Path peer = tmp.resolve("fake-tmux");
        Files.writeString(peer, PEER);
        Files.setPosixFilePermissions(peer, PosixFilePermissions.fromString("rwx------"));
        ControlGateway.Starter starter = (listener, closed) -> {
            starts.incrementAndGet();
            if (refuse) {
                throw new IOException("no server");
            }
            return ControlClient.start(List.of(peer.toString()), listener, closed);
        };
        gateway = ControlGateway.connect(
                new TmuxAddress(tmp.resolve("sock")),
                starter,
                heard::add,
                reattached::countDown,
                gone::countDown,
                log::add);
        return gateway;
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void repliesComeInTheOrderOfTheCommandsAndErrorsAreTyped() throws Exception {
        ControlGateway g = connect();
        List<CompletableFuture<List<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(g.run("list-sessions #" + i));
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(List.of("list-sessions #" + i), answers.get(i).get(5, TimeUnit.SECONDS));
        }
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> g.run("fail me").get(5, TimeUnit.SECONDS));
        assertInstanceOf(TmuxGateway.TmuxException.class, e.getCause());
        assertEquals("unknown command: fail me", e.getCause().getMessage());
    }

    @Test
    void notificationsReachTheListener() throws Exception {
        ControlGateway g = connect();
        g.run("notify").get(5, TimeUnit.SECONDS);
        assertTrue(heard.contains(new Notification.SessionChanged("$0", "alpha")), heard.toString());
        assertTrue(heard.contains(new Notification.SessionsChanged()), heard.toString());
    }

    @Test
    void aPeerThatEndsIsReplacedAndWhenNoneCanBeTheServerIsGone() throws Exception {
        ControlGateway g = connect();
        g.run("quit"); // the peer exits: tmux detached the client
        assertTrue(reattached.await(5, TimeUnit.SECONDS), "re-attached; log: " + log);
        assertEquals(
                List.of("list-sessions"), g.run("list-sessions").get(5, TimeUnit.SECONDS), "the new client answers");
        refuse = true;
        g.run("quit");
        assertTrue(gone.await(5, TimeUnit.SECONDS), "gone after the re-attach attempts; log: " + log);
        assertTrue(starts.get() >= 3, "attempts: " + starts.get());
    }

    /**
     * A server that still takes connections is not gone, however many attaches fail (a busy server,
     * a tracer slowing the daemon): the gateway keeps trying and re-attaches once it can.
     */
    @Test
    void aServerThatStillListensIsNotGivenUpOn() throws Exception {
        ControlGateway g = connect();
        try (java.nio.channels.ServerSocketChannel server =
                java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(tmp.resolve("sock")));
            refuse = true;
            g.run("quit");
            dev.muxbar.testing.Poll.until(
                    5_000, () -> starts.get() >= 6, "attempts past the first three", () -> log.toString());
            assertEquals(1, gone.getCount(), "declared gone while the socket listens; log: " + log);
            assertTrue(log.stream().anyMatch(l -> l.contains("still listens")), log.toString());
            refuse = false;
            assertTrue(reattached.await(5, TimeUnit.SECONDS), "re-attached once it could; log: " + log);
            assertEquals(List.of("list-sessions"), g.run("list-sessions").get(5, TimeUnit.SECONDS));
        }
        assertEquals(1, gone.getCount(), "log: " + log);
    }

    /** A first attach that fails while the socket listens is tried again, not taken for "no server". */
    @Test
    void aBusyServerIsWaitedForAtConnect() throws Exception {
        try (java.nio.channels.ServerSocketChannel server =
                java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(tmp.resolve("sock")));
            refuse = true;
            Thread busy = new Thread(() -> {
                try {
                    dev.muxbar.testing.Poll.until(
                            5_000, () -> starts.get() >= 3, "three refused attaches", () -> log.toString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                refuse = false;
            });
            busy.start();
            ControlGateway g = connect();
            busy.join();
            assertTrue(starts.get() >= 4, "attempts: " + starts.get());
            assertEquals(List.of("list-sessions"), g.run("list-sessions").get(5, TimeUnit.SECONDS));
        }
    }

    /**
     * Windows outside the control client's session are watched by asking for their digest once a
     * second (no tmux subscription: its timer crashes tmux 3.3a when the client's session goes): the
     * first reading is passed on (a change between the first refresh and it), then an unchanged digest
     * says nothing and a changed one is passed on as the window subscription's change.
     */
    @Test
    void aChangedWindowDigestIsPassedOnAndAnUnchangedOneIsNot() throws Exception {
        ControlGateway g = connect();
        dev.muxbar.state.ManualScheduler clock = new dev.muxbar.state.ManualScheduler();
        g.watchWindows(clock);
        Notification changed = new Notification.SubscriptionChanged(Formats.WINDOWS_DIGEST, List.of());
        for (int i = 0; i < 3; i++) {
            clock.advance(ControlGateway.DIGEST_MS);
            g.run("sync").get(5, TimeUnit.SECONDS); // the digest's reply came before this one's
        }
        assertEquals(
                1, heard.stream().filter(changed::equals).count(), "the first reading, then unchanged; heard " + heard);
        Files.writeString(tmp.resolve("fake-tmux.moved"), "");
        clock.advance(ControlGateway.DIGEST_MS);
        g.run("sync").get(5, TimeUnit.SECONDS);
        assertEquals(2, heard.stream().filter(changed::equals).count(), "a layout moved somewhere; heard " + heard);
        clock.advance(ControlGateway.DIGEST_MS);
        g.run("sync").get(5, TimeUnit.SECONDS);
        assertEquals(2, heard.stream().filter(changed::equals).count(), "said once per change; heard " + heard);
    }

    @Test
    void noPeerAtAllIsNoServer() {
        refuse = true;
        assertThrows(ControlGateway.NoServer.class, this::connect);
        assertEquals(1, starts.get(), "no socket listens: no second attempt");
    }
}
