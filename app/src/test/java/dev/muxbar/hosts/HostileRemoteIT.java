package dev.muxbar.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Sshd;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import dev.muxbar.tmux.TmuxQuote;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile machine behind a real sshd: its "muxbar" (a script and a small server in
 * {@code fake-remote/}, since a real muxbar never sends such things) sends 5000 sessions, then a
 * 10 MB line, then, on the next connection, 100 000 sessions in one event. Here: at most 500 of its
 * sessions are kept, a too large event ends its stream with the host marked, and the local daemon
 * answers as before meanwhile.
 */
class HostileRemoteIT {

    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Teardown cleanup = new Teardown();
    private TmuxServer local;
    private DaemonProcess daemon;
    private Process server;

    @BeforeEach
    void start() throws Exception {
        assertTrue(Sshd.available(), "needs OpenSSH's sshd (apt-get install openssh-server)");
        Sshd sshd = cleanup.track(Sshd.start(tmp.resolve("ssh")));
        Path fake = Path.of(System.getProperty("muxbar.root"), "app/src/test/resources/fake-remote");
        Path sock = tmp.resolve("fake.sock");
        server = new ProcessBuilder("python3", fake.resolve("server.py").toString(), sock.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("server.log").toFile())
                .start();
        Poll.until(5_000, () -> Files.exists(sock), "the fake remote daemon listening", () -> "");
        local = cleanup.track(new TmuxServer("here"));
        local.tmux("set", "-g", "@muxbar-hosts", Sshd.HOST);
        daemon = cleanup.track(sshd.daemonFor(
                local,
                tmp,
                "FAKE_SOCK=" + TmuxQuote.sh(sock.toString()) + " sh "
                        + TmuxQuote.sh(fake.resolve("muxbar").toString())));
    }

    @AfterEach
    void stop() {
        cleanup.close();
        server.destroyForcibly();
    }

    private JsonNode host() {
        try (ApiClient api = new ApiClient(daemon.socket())) {
            return JSON.readTree(api.get("/state").body()).path("hosts").path(0);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode().put("failed", e.toString());
        }
    }

    private boolean sessionNamed(String name) {
        try (ApiClient api = new ApiClient(daemon.socket())) {
            return api.get("/state").body().contains("\"name\":\"" + name + "\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private String serverLog() {
        try {
            return Files.readString(tmp.resolve("server.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Connections the hostile daemon has served. */
    private int turns() {
        return (int) serverLog().lines().filter(l -> l.startsWith("turn ")).count();
    }

    @Test
    void aFloodingRemoteIsBoundedMarkedAndNeverSlowsTheLocalDaemon() throws Exception {
        Poll.until(
                30_000,
                () -> host().path("sessions").size() > 0,
                "the hostile host's sessions",
                () -> host() + "\n" + daemon.diagnostics());
        assertEquals(500, host().path("sessions").size(), "5000 sent, 500 kept");
        Poll.until(
                15_000,
                () -> host().path("reason").asText().contains("over 1024 KB"),
                "the 10 MB line ends the stream, and the host says why",
                () -> host().path("state") + " " + host().path("reason") + "\n" + daemon.diagnostics());
        assertEquals("stalled", host().path("state").asText());
        assertEquals(500, host().path("sessions").size(), "the last sessions seen stay");

        // Reconnected, it sends 100 000 sessions in one event, then 5000 and 10 MB again, and so on:
        // refused each time, while local changes show as fast as ever.
        long t = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            local.tmux("new-session", "-d", "-s", "local-" + i);
            int n = i;
            Poll.until(2_000, () -> sessionNamed("local-" + n), "a local change during the flood", () -> "");
            System.out.printf(
                    "local new session → /state while the remote floods: %d ms%n",
                    (System.nanoTime() - t0) / 1_000_000);
            int turns = turns();
            Poll.until(10_000, () -> turns() > turns, "the remote reconnected and flooded again", this::serverLog);
        }
        String log = daemon.diagnostics();
        assertTrue(log.contains("over 1024 KB"), log);
        assertTrue(daemon.process().isAlive(), "the daemon lives");
        long rss = Files.readAllLines(Path.of("/proc/" + daemon.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(0);
        System.out.printf(
                "daemon RSS after %d s of flooding: %d MB%n", (System.nanoTime() - t) / 1_000_000_000, rss / 1024);
        assertTrue(rss < 400 * 1024, "bounded memory: " + rss + " kB");
    }
}
