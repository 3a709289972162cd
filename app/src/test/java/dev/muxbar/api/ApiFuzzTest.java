package dev.muxbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.model.Model;
import dev.muxbar.state.Core;
import dev.muxbar.state.EventLoop;
import dev.muxbar.testing.Fuzz;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Snapshots;
import dev.muxbar.tmux.FakeTmux;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every API route with random methods, query parameters (nasty values, broken percent-encoding) and
 * bodies (mutated hook payloads): the answer is JSON with a status from the README's list, never a
 * 500; a 4xx changes nothing; the daemon keeps answering. Fixed seed ({@link Fuzz}).
 */
class ApiFuzzTest {

    private static final List<String> PATHS = List.of(
            "/health",
            "/state",
            "/order/move",
            "/order/hide",
            "/order/unhide",
            "/order/reset",
            "/toggle",
            "/sidebars",
            "/switch",
            "/mute",
            "/hooks/claude",
            "/hooks/codex",
            "/agent-event",
            "/themes",
            "/theme",
            "/keys/rebind",
            "/nope",
            "/order/",
            "//health",
            "/health/");
    private static final List<String> METHODS = List.of("GET", "POST", "POST", "PUT", "DELETE", "HEAD");
    private static final List<String> PARAMS =
            List.of("session", "position", "on", "index", "client", "name", "preview", "pane", "pid", "x");
    private static final List<String> VALUES = List.of(
            "$0",
            "$1",
            "alpha",
            "be'ta|$",
            "1",
            "0",
            "-1",
            "999999999999",
            "%1",
            "/dev/pts/1",
            "nord",
            "true",
            "",
            "#{session_name}");
    private static final List<String> BODIES = List.of(
            "{\"session_id\":\"s1\",\"cwd\":\"/src\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\"}",
            "{\"type\":\"agent-turn-complete\",\"thread-id\":\"t1\",\"cwd\":\"/src\"}",
            "{\"agent\":\"aider\",\"status\":\"waiting\",\"session\":\"alpha\"}");
    private static final Set<Integer> KNOWN = Set.of(200, 304, 400, 404, 405, 409, 413, 422, 503);

    @TempDir
    Path tmp;

    private EventLoop loop;
    private Core core;
    private ApiServer api;
    private Path socket;

    @BeforeEach
    void start() throws Exception {
        loop = new EventLoop(e -> {});
        FakeTmux tmux = new FakeTmux();
        core = dev.muxbar.testing.Cores.over(tmux, loop, loop);
        loop.execute(core::start);
        Poll.until(2_000, () -> !tmux.refreshes.isEmpty(), "the first refresh", tmux.refreshes::toString);
        tmux.refreshes.get(0).complete(Snapshots.of(1, 1, "$0", "alpha", "$1", "be'ta|$"));
        Poll.until(2_000, () -> core.model() != null, "a model", () -> "");
        socket = tmp.resolve("daemon.sock");
        api = new ApiServer(socket, core, "test", "/tmp/tmux-test", new ApiServerTest.NoActions());
    }

    @AfterEach
    void stop() {
        api.close();
        loop.close();
    }

    private String query(Fuzz f) {
        StringBuilder q = new StringBuilder();
        for (int n = f.nextInt(4); n > 0; n--) {
            String value = f.nextInt(3) == 0 ? f.nasty(8) : f.pick(VALUES);
            q.append(q.length() == 0 ? "" : "&").append(f.pick(PARAMS)).append('=');
            // mostly well encoded; sometimes raw, which may be broken encoding ("%", "%zz")
            q.append(
                    f.nextInt(4) == 0
                            ? value.replaceAll("[\\s\\x00-\\x1f\\x7f#\"<>\\\\^`{|}]", "%")
                            : URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    @Test
    void everyRouteAnswersJsonAndBadInputChangesNothing() throws Exception {
        Fuzz f = Fuzz.create();
        ObjectMapper json = new ObjectMapper();
        for (int i = Fuzz.iterations(600); i > 0; i--) {
            String method = f.pick(METHODS);
            String path = f.pick(PATHS);
            String q = query(f);
            String body = method.equals("POST") && f.nextInt(3) > 0 ? f.mutate(f.pick(BODIES)) : null;
            loop.runAndWait(() -> {}, 2_000); // an earlier 200 (e.g. /mute) may still be on its way
            Model before = core.model();
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String answer = RawHttp.exchange(
                    socket,
                    method + " " + path + (q.isEmpty() ? "" : "?" + q) + " HTTP/1.1\r\n"
                            + "Host: muxbar\r\nConnection: close\r\n"
                            + (body == null
                                    ? ""
                                    : "Content-Type: application/json\r\n" + "Content-Length: " + b.length + "\r\n")
                            + "\r\n" + (body == null ? "" : body));
            int status = RawHttp.status(answer);
            String what = method + " " + path + "?" + q + " body " + body + " (" + f.replay("") + ")";
            if (!KNOWN.contains(status)) {
                fail("status " + status + " for " + what + ": " + answer);
            }
            if (!method.equals("HEAD") && status != 304) {
                try {
                    var node = json.readTree(RawHttp.body(answer));
                    assertTrue(node != null && (node.isObject() || node.isArray()), what + ": " + answer);
                } catch (java.io.IOException e) {
                    fail("not JSON for " + what + ": " + answer);
                }
            }
            if (status >= 400 && status < 500) {
                loop.runAndWait(() -> {}, 2_000); // whatever the request posted has been handled
                assertEquals(before, core.model(), "a refused request changed the model: " + what + " → " + answer);
            }
        }
        assertEquals(
                200,
                RawHttp.status(
                        RawHttp.exchange(socket, "GET /health HTTP/1.1\r\nHost: m\r\n" + "Connection: close\r\n\r\n")),
                "still answering");
    }
}
