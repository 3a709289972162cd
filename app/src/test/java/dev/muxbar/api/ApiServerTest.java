package dev.muxbar.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.state.Core;
import dev.muxbar.state.EventLoop;
import dev.muxbar.tmux.FakeTmux;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over a real Unix socket, with raw clients that misbehave as slow or broken ones do. */
class ApiServerTest {

    @TempDir
    Path tmp;

    private EventLoop loop;
    private ApiServer api;
    private Path socket;
    private final List<SocketChannel> open = new ArrayList<>();
    private final NoActions actions = new NoActions();

    @BeforeEach
    void start() throws Exception {
        loop = new EventLoop(e -> {});
        FakeTmux tmux = new FakeTmux();
        Core core = dev.muxbar.testing.Cores.over(tmux, loop, loop);
        socket = tmp.resolve("daemon.sock");
        api = new ApiServer(socket, core, "test", "/tmp/tmux-test", actions);
    }

    @AfterEach
    void stop() throws IOException {
        for (SocketChannel c : open) {
            c.close();
        }
        api.close();
        loop.close();
    }

    /** Sends raw bytes on a new connection and leaves it open. */
    private SocketChannel send(String raw) throws IOException {
        SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
        c.connect(UnixDomainSocketAddress.of(socket));
        c.write(ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8)));
        open.add(c);
        return c;
    }

    private String request(String raw) throws Exception {
        return RawHttp.exchange(socket, raw);
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: muxbar\r\nConnection: close\r\n\r\n";
    }

    @Test
    void healthAnswersWhileManyClientsStallHalfWayThroughTheirBodies() throws Exception {
        for (int i = 0; i < 100; i++) {
            send("POST /hooks/claude?pane=%251 HTTP/1.1\r\nHost: muxbar\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"hook_event_name\":");
        }
        Thread.sleep(200); // let the server take them all in
        long worst = 0;
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            String answer = request(get("/health"));
            worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        }
        assertTrue(worst < 1_000, "health answered within 1 s with 100 stalled bodies open; worst " + worst + " ms");
        String hook = "{\"hook_event_name\":\"Stop\",\"session_id\":\"s\"}";
        long t0 = System.nanoTime();
        String answer = request("POST /hooks/claude?pane=%251 HTTP/1.1\r\nHost: muxbar\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + hook.length() + "\r\n\r\n" + hook);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(answer.contains("\"outcome\"") || answer.contains("no tmux pane"), answer);
        assertTrue(ms < 2_500, "a hook is answered too: " + ms + " ms");
    }

    @Test
    void malformedQueriesAndRequestsGetJsonErrors() throws Exception {
        String bad = request(get("/health?x=%"));
        assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
        assertTrue(bad.contains("{\"error\":"), bad);
        String garbage = request("GARBAGE\r\n\r\n");
        assertTrue(garbage.startsWith("HTTP/1.1 400"), garbage);
        assertTrue(garbage.contains("{\"error\":") && !garbage.contains("<html"), garbage);
        // (A request larger than Jetty's header buffer is refused through the same handler; not tested here:
        // the server closes with our unread bytes queued, and Linux then resets our read of its answer.)
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        int n = ApiServer.MAX_BODY + 10;
        String answer = request("POST /agent-event HTTP/1.1\r\nHost: muxbar\r\nConnection: close\r\nContent-Length: "
                + n + "\r\n\r\n" + "x".repeat(n));
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer.substring(0, Math.min(300, answer.length())));
        StringBuilder chunked = new StringBuilder("POST /agent-event HTTP/1.1\r\nHost: muxbar\r\nConnection: close\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        for (int sent = 0; sent <= ApiServer.MAX_BODY; sent += 65536) {
            chunked.append("10000\r\n").append("x".repeat(65536)).append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        String answer2 = request(chunked.toString());
        assertTrue(answer2.startsWith("HTTP/1.1 413"), answer2.substring(0, Math.min(300, answer2.length())));
        assertTrue(answer2.contains("{\"error\":"), answer2);
    }

    /** Each theme result has its status: shown 200, no such theme 404, a broken file or no save 422. */
    @Test
    void themeResultsMapToStatuses() throws Exception {
        for (var r : List.of(
                new dev.muxbar.theme.ThemeResult.Shown("nord", true),
                new dev.muxbar.theme.ThemeResult.NoSuchTheme("no theme called \"x\""),
                new dev.muxbar.theme.ThemeResult.BrokenFile("bad.json: field \"colors\" must be an object"),
                new dev.muxbar.theme.ThemeResult.NotSaved("cannot save the theme choice: disk full"))) {
            actions.theme = r;
            String answer = request("POST /theme?name=nord HTTP/1.1\r\nHost: muxbar\r\nConnection: close\r\n"
                    + "Content-Length: 0\r\n\r\n");
            String expected = r instanceof dev.muxbar.theme.ThemeResult.Shown
                    ? "200"
                    : r instanceof dev.muxbar.theme.ThemeResult.NoSuchTheme ? "404" : "422";
            assertTrue(answer.startsWith("HTTP/1.1 " + expected), r + " → " + answer);
            assertTrue(
                    answer.contains(
                                    r instanceof dev.muxbar.theme.ThemeResult.Shown
                                            ? "\"saved\":true"
                                            : "must be an object")
                            || !(r instanceof dev.muxbar.theme.ThemeResult.BrokenFile),
                    answer);
        }
    }

    /** A name no theme can have is refused at the door: a NUL once reached the loop as an InvalidPathException. */
    @Test
    void aThemeNameThatCannotBeOneIs400AndNeverReachesTheLoop() throws Exception {
        for (String name : List.of("a%00b", "a%2Fb", "x".repeat(101), "a%0Ab")) {
            String answer = request("POST /theme?name=" + name + " HTTP/1.1\r\nHost: muxbar\r\nConnection: close\r\n"
                    + "Content-Length: 0\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("not a theme name"), name + ": " + answer);
        }
        assertTrue(actions.themesAsked.isEmpty(), "asked for " + actions.themesAsked);
        String fine = request(
                "POST /theme?name=nord HTTP/1.1\r\nHost: muxbar\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        assertTrue(fine.startsWith("HTTP/1.1 200"), fine);
    }

    static final class NoActions implements ServerActions {
        dev.muxbar.theme.ThemeResult theme = new dev.muxbar.theme.ThemeResult.Shown("default", true);
        final List<String> themesAsked = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<List<?>> describe() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<Integer> rebindKeys() {
            return CompletableFuture.completedFuture(0);
        }

        @Override
        public <T> CompletableFuture<T> tmux(dev.muxbar.tmux.TmuxCommand<T> command) {
            return CompletableFuture.completedFuture(command.reply().apply(List.of()));
        }

        @Override
        public CompletableFuture<Map<String, Object>> themes() {
            return CompletableFuture.completedFuture(Map.of());
        }

        @Override
        public CompletableFuture<dev.muxbar.theme.ThemeResult> setTheme(String name, boolean keep) {
            themesAsked.add(name);
            return CompletableFuture.completedFuture(theme);
        }
    }
}
