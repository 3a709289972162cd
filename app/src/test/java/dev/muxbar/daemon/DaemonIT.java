package dev.muxbar.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon against a real tmux server on a private socket. */
class DaemonIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private TmuxServer tmux;
    private DaemonProcess daemon;

    @BeforeEach
    void start() throws Exception {
        tmux = track(new TmuxServer("alpha"));
        daemon = track(DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state")))
                .awaitReady();
        awaitOrder(5_000, "$0\talpha\n");
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private <T extends AutoCloseable> T track(T c) {
        return cleanup.track(c);
    }

    private String diagnostics() {
        return tmux.describe() + daemon.diagnostics();
    }

    private long awaitOrder(long millis, String expected) {
        return Poll.until(
                millis,
                () -> daemon.order().equals(expected),
                "order file == " + expected.replace("\n", "⏎"),
                this::diagnostics);
    }

    @Test
    void orderFileFollowsNewRenamedAndKilledSessionsWithin200ms() {
        tmux.tmux("new-session", "-d", "-s", "beta");
        long created = awaitOrder(200, "$0\talpha\n$1\tbeta\n");
        tmux.tmux("rename-session", "-t", "$1", "gamma");
        long renamed = awaitOrder(200, "$0\talpha\n$1\tgamma\n");
        tmux.tmux("kill-session", "-t", "$0");
        long killed = awaitOrder(200, "$1\tgamma\n");
        System.out.printf("order file updated after: new %d ms, rename %d ms, kill %d ms%n", created, renamed, killed);
    }

    @Test
    void oddNamesRoundTripExactly() throws Exception {
        String[] names = {
            "tab\there",
            "new\nline",
            "quote\"s 'single'",
            "pipe|dollar$HOME",
            "  spaced  out ",
            "名前 🚀 é",
            "1",
            "=eq",
            "back\\slash"
        };
        List<String> ids = new ArrayList<>();
        for (String n : names) {
            ids.add(tmux.tmux("new-session", "-d", "-P", "-F", "#{session_id}", "-s", n)
                    .trim());
        }
        StringBuilder expected = new StringBuilder("$0\talpha\n");
        List<String> stored = new ArrayList<>();
        for (String id : ids) {
            String name = tmux.display(id, "#{session_name}"); // what tmux itself keeps
            stored.add(name);
            expected.append(id).append('\t').append(name).append('\n');
        }
        awaitOrder(2_000, expected.toString());
        try (ApiClient api = new ApiClient(daemon.socket())) {
            JsonNode state = JSON.readTree(api.get("/state").body());
            List<String> fromApi = new ArrayList<>();
            state.get("shown").forEach(s -> fromApi.add(s.get("name").asText()));
            assertEquals(stored, fromApi.subList(1, fromApi.size()));
            // Every odd name can be used to reorder by name (URL-encoded), and the move lands.
            String last = stored.get(stored.size() - 1);
            assertEquals(
                    200,
                    api.post("/order/move?session=" + enc(last) + "&position=1").status());
        }
        // The reply comes when the loop has moved it; the order file is written after that.
        Poll.until(
                2_000,
                () -> daemon.order().startsWith(ids.get(ids.size() - 1) + "\t"),
                "the moved session first",
                daemon::diagnostics);
    }

    @Test
    void aPaneCwdWithCarriageReturnNewlineAndTabArrivesExactly() throws Exception {
        Path odd = Files.createDirectories(tmp.resolve("we\rird\nd\tir 名"));
        String id = tmux.tmux(
                        "new-session", "-d", "-P", "-F", "#{pane_id}", "-s", "beta", "-c", odd.toString(), "sleep 600")
                .trim();
        try (ApiClient api = new ApiClient(daemon.socket())) {
            Poll.until(
                    5_000,
                    () -> odd.toString().equals(paneCwd(api, id)),
                    "pane " + id + " cwd in /state",
                    () -> "saw: " + paneCwd(api, id) + "\n" + diagnostics());
        }
    }

    private static String paneCwd(ApiClient api, String paneId) {
        try {
            for (JsonNode s :
                    JSON.readTree(api.get("/state").body()).get("snapshot").get("sessions")) {
                for (JsonNode w : s.get("windows")) {
                    for (JsonNode p : w.get("panes")) {
                        if (p.get("id").asText().equals(paneId)) {
                            return p.get("cwd").asText();
                        }
                    }
                }
            }
        } catch (Exception e) {
            return "(" + e + ")";
        }
        return "(no pane)";
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void badApiInputGetsAClearErrorAndChangesNothing() throws Exception {
        tmux.tmux("new-session", "-d", "-s", "beta");
        awaitOrder(2_000, "$0\talpha\n$1\tbeta\n");
        try (ApiClient api = new ApiClient(daemon.socket())) {
            assertError(api.post("/order/move?position=1"), 400, "missing query parameter: session");
            assertError(api.post("/order/move?session=beta&position=zero"), 400, "position must be");
            assertError(api.post("/order/move?session=beta&position=-1"), 400, "position must be");
            assertError(api.post("/order/hide?session=%24nope%7C%22"), 404, "no session $nope|\"");
            assertError(api.get("/order/hide?session=beta"), 405, "GET is not allowed");
            assertError(api.get("/nope"), 404, "no such endpoint");
        }
        assertEquals("$0\talpha\n$1\tbeta\n", daemon.order());
        DaemonProcess.Cli cli =
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "order", "hide", "-L", tmux.label, "zeta");
        assertEquals(1, cli.exit());
        assertTrue(cli.output().contains("no session zeta"), cli.output());
    }

    private static void assertError(ApiClient.Answer a, int status, String text) throws Exception {
        assertEquals(status, a.status(), a.body());
        String error = JSON.readTree(a.body()).get("error").asText();
        assertTrue(error.contains(text), error);
    }

    @Test
    void theControlClientIsNotAUser() throws Exception {
        try (ApiClient api = new ApiClient(daemon.socket())) {
            JsonNode state = JSON.readTree(api.get("/state").body());
            assertEquals(0, state.get("snapshot").get("clients").size(), state.toString());
            assertEquals(0, state.get("shown").get(0).get("attached").asInt());
        }
        assertTrue(tmux.describe().contains("control-mode"), "the daemon does hold a control client");
    }

    @Test
    void aRealClientSwitchingSessionIsSeen() throws Exception {
        tmux.tmux("new-session", "-d", "-s", "beta");
        awaitOrder(2_000, "$0\talpha\n$1\tbeta\n");
        dev.muxbar.testing.NestedClient client = cleanup.track(new dev.muxbar.testing.NestedClient(tmux, "alpha"));
        try (ApiClient api = new ApiClient(daemon.socket())) {
            Poll.until(3_000, () -> clientSession(api).equals("$0"), "client attached to alpha", this::diagnostics);
            tmux.tmux("switch-client", "-c", client.clientName(), "-t", "$1");
            long ms = Poll.until(
                    1_000, () -> clientSession(api).equals("$1"), "client switched to beta", this::diagnostics);
            JsonNode shown = JSON.readTree(api.get("/state").body()).get("shown");
            assertEquals(0, shown.get(0).get("attached").asInt());
            assertEquals(1, shown.get(1).get("attached").asInt());
            System.out.println("client switch seen by the daemon after " + ms + " ms");
        }
    }

    private static String clientSession(ApiClient api) {
        try {
            JsonNode clients =
                    JSON.readTree(api.get("/state").body()).get("snapshot").get("clients");
            return clients.size() == 1 ? clients.get(0).get("sessionId").asText() : "";
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void reattachesWhenItsSessionIsDestroyed() {
        tmux.tmux("new-session", "-d", "-s", "beta");
        awaitOrder(2_000, "$0\talpha\n$1\tbeta\n");
        String controlSession = tmux.tmux("list-clients", "-F", "#{client_control_mode} #{session_id}")
                .lines()
                .filter(l -> l.startsWith("1 "))
                .findFirst()
                .orElseThrow()
                .substring(2);
        tmux.tmux("kill-session", "-t", controlSession);
        String left = controlSession.equals("$0") ? "$1\tbeta\n" : "$0\talpha\n";
        awaitOrder(2_000, left);
        tmux.tmux("new-session", "-d", "-s", "gamma");
        awaitOrder(2_000, left + "$2\tgamma\n");
        assertTrue(daemon.process().isAlive());
        assertTrue(daemon.diagnostics().contains("re-attached"), daemon.diagnostics());

        // Detaching the control client (e.g. someone runs detach-client -a) is survived the same way.
        String control = tmux.tmux("list-clients", "-F", "#{client_control_mode} #{client_name}")
                .lines()
                .filter(l -> l.startsWith("1 "))
                .findFirst()
                .orElseThrow()
                .substring(2);
        tmux.tmux("detach-client", "-t", control);
        Poll.until(
                3_000,
                () -> tmux.tmux("list-clients", "-F", "#{client_control_mode} #{client_name}")
                        .lines()
                        .anyMatch(l -> l.startsWith("1 ") && !l.endsWith(" " + control)),
                "a new control client",
                this::diagnostics);
        tmux.tmux("new-session", "-d", "-s", "delta");
        awaitOrder(2_000, left + "$2\tgamma\n$3\tdelta\n");
    }

    @Test
    void aSecondDaemonIsRefusedAndAnotherServerIsIndependent() throws Exception {
        DaemonProcess.Cli second =
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "server", "-L", tmux.label, "--foreground");
        assertEquals(0, second.exit(), second.output());
        assertTrue(second.output().contains("already serves"), second.output());
        assertTrue(daemon.process().isAlive());

        TmuxServer other = track(new TmuxServer("omega"));
        DaemonProcess otherDaemon = track(DaemonProcess.start(other, tmp.resolve("run2"), tmp.resolve("state")))
                .awaitReady();
        Poll.until(
                5_000, () -> otherDaemon.order().equals("$0\tomega\n"), "other order file", otherDaemon::diagnostics);
        tmux.tmux("new-session", "-d", "-s", "beta");
        awaitOrder(2_000, "$0\talpha\n$1\tbeta\n");
        assertEquals("$0\tomega\n", otherDaemon.order());
        other.close();
        assertTrue(otherDaemon.process().waitFor(5, TimeUnit.SECONDS));
        assertTrue(daemon.process().isAlive(), "the first daemon does not care about the other server");
    }

    /** A state dir that cannot be made: both forms of `muxbar server` name the dir and the reason. */
    @Test
    void aStateDirThatCannotBeMadeIsNamedWithTheReason() throws Exception {
        TmuxServer other = track(new TmuxServer("omega"));
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        for (String mode : List.of("--foreground", "--background")) {
            List<String> args = new ArrayList<>(List.of("server", "-L", other.label));
            if (mode.equals("--foreground")) {
                args.add(mode);
            }
            DaemonProcess.Cli cli =
                    DaemonProcess.cli(tmp.resolve("run-" + mode), file.resolve("state"), args.toArray(new String[0]));
            assertEquals(1, cli.exit(), cli.output());
            assertTrue(
                    cli.output()
                                    .contains("cannot create the state dir "
                                            + file.resolve("state").resolve("muxbar"))
                            && cli.output().contains("Not a directory"),
                    mode + ": " + cli.output());
            assertFalse(cli.output().contains("is a tmux server running"), cli.output());
        }
        assertTrue(other.alive());
    }

    @Test
    void killingTheTmuxServerEndsTheDaemonWithinOneSecond() throws Exception {
        CompletableFuture<Process> exited = daemon.process().onExit();
        long t0 = System.nanoTime();
        tmux.tmux("kill-server");
        exited.get(5, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("daemon exited " + ms + " ms after kill-server");
        assertTrue(ms <= 1_000, "daemon took " + ms + " ms to exit\n" + daemon.diagnostics());
        assertEquals(0, daemon.process().exitValue());
        assertFalse(Files.exists(daemon.runtimeDir), "runtime dir cleaned: " + daemon.runtimeDir);
    }

    @Test
    void restartKeepsCustomOrderAndSigtermKeepsTheOrderFile() throws Exception {
        tmux.tmux("new-session", "-d", "-s", "beta");
        tmux.tmux("new-session", "-d", "-s", "gamma");
        awaitOrder(2_000, "$0\talpha\n$1\tbeta\n$2\tgamma\n");
        DaemonProcess.Cli move =
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "order", "move", "-L", tmux.label, "gamma", "1");
        assertEquals(0, move.exit(), move.output());
        DaemonProcess.Cli hide =
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "order", "hide", "-L", tmux.label, "$0");
        assertEquals(0, hide.exit(), hide.output());
        awaitOrder(2_000, "$2\tgamma\n$1\tbeta\n");

        daemon.stop();
        assertEquals("$2\tgamma\n$1\tbeta\n", daemon.order(), "the shell fast path keeps its file while tmux lives");
        assertFalse(Files.exists(daemon.socket()), "socket removed on stop");
        tmux.tmux("new-session", "-d", "-s", "delta"); // while no daemon runs

        daemon = track(DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state")))
                .awaitReady();
        awaitOrder(5_000, "$2\tgamma\n$1\tbeta\n$3\tdelta\n");
        DaemonProcess.Cli status =
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "status", "--json", "-L", tmux.label);
        JsonNode st = JSON.readTree(status.output());
        assertTrue(st.get("daemon").asBoolean());
        assertEquals("gamma", st.get("sessions").get(0).get("name").asText());
        assertEquals("alpha", st.get("hidden").get(0).get("name").asText());
    }

    @Test
    void statusWorksWithoutADaemonAndAppliesTheSavedOrder() throws Exception {
        tmux.tmux("new-session", "-d", "-s", "beta");
        awaitOrder(2_000, "$0\talpha\n$1\tbeta\n");
        assertEquals(
                0,
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "order", "move", "-L", tmux.label, "beta", "1")
                        .exit());
        awaitOrder(2_000, "$1\tbeta\n$0\talpha\n");
        daemon.stop();
        DaemonProcess.Cli status =
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "status", "--json", "-L", tmux.label);
        JsonNode st = JSON.readTree(status.output());
        assertFalse(st.get("daemon").asBoolean());
        assertEquals("beta", st.get("sessions").get(0).get("name").asText(), status.output());
        assertEquals(1, st.get("sessions").get(0).get("windows").asInt());
    }
}
