package dev.muxbar.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.api.ApiClient;
import dev.muxbar.state.EventLoop;
import dev.muxbar.testing.FarSide;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Sshd;
import dev.muxbar.testing.Teardown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host link through a real OpenSSH server on 127.0.0.1 to a "remote" tmux server with its own muxbar:
 * one master connection, the remote daemon's socket forwarded into a private dir, its API answering
 * here; the sessions dropped (a network that went) → down, then up again by itself; closed → no ssh left.
 */
class HostLinkIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private Sshd sshd;
    private FarSide far;
    private EventLoop loop;

    @BeforeEach
    void start() throws Exception {
        assertTrue(Sshd.available(), "needs OpenSSH's sshd (apt-get install openssh-server)");
        sshd = cleanup.track(Sshd.start(tmp.resolve("ssh")));
        far = cleanup.track(FarSide.start(tmp, t -> {}));
        loop = new EventLoop(Throwable::printStackTrace);
        cleanup.track(loop::close);
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    @Test
    void oneMasterForwardsTheRemoteDaemonAndComesBackAfterADrop() throws Exception {
        List<HostLink.Status> seen = new CopyOnWriteArrayList<>();
        Path dir = tmp.resolve("h0");
        HostLink link = new HostLink(
                new Host(Sshd.HOST),
                new Ssh(sshd.config),
                far.command,
                dir,
                new ProcessSpawner(),
                loop,
                loop,
                seen::add,
                Files::exists,
                new Backoff(bound -> bound / 2));
        cleanup.track(() -> loop.runAndWait(link::close, 5_000));
        loop.execute(link::start);
        Poll.until(
                20_000,
                () -> !seen.isEmpty() && seen.get(seen.size() - 1).state() == HostLink.State.UP,
                "the link up",
                () -> seen + "\nmaster: " + read(dir.resolve("master.log")) + "\nsshd: " + sshd.log());
        HostLink.Status up = seen.get(seen.size() - 1);
        assertEquals(1, up.daemons().size(), up.toString());
        try (ApiClient api = new ApiClient(up.daemons().get(0).socket())) {
            String health = api.get("/health").body();
            assertTrue(health.contains(far.tmux.socket.toString()), "the far daemon answers here: " + health);
        }
        assertEquals(1, sshClients(), "one ssh process for the host");

        sshd.dropSessions();
        Poll.until(10_000, () -> seen.stream().anyMatch(s -> s.state() == HostLink.State.DOWN), "down", seen::toString);
        Poll.until(
                20_000,
                () -> seen.get(seen.size() - 1).state() == HostLink.State.UP,
                "up again by itself",
                () -> seen + "\nmaster: " + read(dir.resolve("master.log")));
        loop.runAndWait(link::close, 5_000);
        Poll.until(5_000, () -> sshClients() == 0, "no ssh left after close", () -> "ssh processes: " + sshClients());
    }

    /** ssh clients of this test (their command line names its config). */
    private long sshClients() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("/ssh"))
                .filter(p -> String.join(" ", p.info().arguments().orElse(new String[0]))
                        .contains(sshd.config.toString()))
                .count();
    }

    private static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            return "(none)";
        }
    }
}
