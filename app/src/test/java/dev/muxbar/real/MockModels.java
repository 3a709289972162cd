package dev.muxbar.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A scripted stand-in for the model APIs the real agent CLIs talk to, on 127.0.0.1: Anthropic
 * Messages ({@code POST /v1/messages}, streamed as SSE, for Claude Code with
 * {@code ANTHROPIC_BASE_URL}) and OpenAI Responses ({@code POST /v1/responses}, for Codex with a
 * custom {@code model_provider}). Stateless per conversation: a request is answered from the
 * {@link Scenario} turn its last prompt names and the number of tool results since that prompt, so
 * two agents can share one mock. Every request and stream is logged ({@link #log}) with its time:
 * the truth the tests hold the daemon's view against.
 */
public final class MockModels implements AutoCloseable {

    /** A logged moment: what ({@code request}, {@code stream-end}, {@code stream-cut}, …), which turn and step. */
    public record Entry(long atMs, String wire, String what, String turn, int step) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scenario scenario;
    private final HttpServer server;
    private final List<Entry> log = new ArrayList<>();
    private final Map<String, Integer> errorsSent = new ConcurrentHashMap<>();
    private final PrintStream file;

    private MockModels(Scenario scenario, HttpServer server, PrintStream file) {
        this.scenario = scenario;
        this.server = server;
        this.file = file;
    }

    /** Starts on {@code port} (0: any free port); {@code logFile} may be null. */
    public static MockModels start(Scenario scenario, int port, Path logFile) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        PrintStream f =
                logFile == null ? null : new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8);
        MockModels m = new MockModels(scenario, s, f);
        s.createContext("/", m::handle);
        s.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mock-models");
            t.setDaemon(true);
            return t;
        }));
        s.start();
        return m;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Everything logged so far. */
    public synchronized List<Entry> log() {
        return List.copyOf(log);
    }

    private synchronized void note(String wire, String what, String turn, int step) {
        Entry e = new Entry(System.currentTimeMillis(), wire, what, turn, step);
        log.add(e);
        if (file != null) {
            file.println(e.atMs() + "\t" + wire + "\t" + what + "\t" + turn + "\t" + step);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            if (path.endsWith("/messages") && "POST".equals(ex.getRequestMethod())) {
                answer(ex, new AnthropicWire(), body);
            } else if (path.endsWith("/responses") && "POST".equals(ex.getRequestMethod())) {
                answer(ex, new ResponsesWire(), body);
            } else {
                byte[] r = "{}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(path.contains("count_tokens") ? 200 : 404, r.length);
                ex.getResponseBody().write(r);
            }
        } catch (IOException | RuntimeException e) {
            note("?", "failed " + e, "", -1);
        }
    }

    /** A wire format: how a request names its prompt and tool rounds, and how a step is streamed back. */
    interface Wire {
        String name();

        /** The user's last prompt, and how many tool results came after it (the step to answer). */
        String prompt(JsonNode body);

        int toolResults(JsonNode body);

        /** The SSE events of one step: {event, data} pairs; the text is sent in {@code step.chunks()} deltas. */
        List<String[]> events(Scenario.Step step, String id, List<String> chunks);

        /** An error body for {@code status}. */
        String error(int status);

        /** A request that is not a turn of the agent's (a title, a summary): it gets a short text. */
        default boolean sideRequest(JsonNode body) {
            return false;
        }
    }

    private void answer(HttpExchange ex, Wire wire, JsonNode body) throws IOException {
        if (wire.sideRequest(body)) {
            // Not the agent's turn (Codex asks for a task title with no tools): a short answer, unlogged.
            stream(ex, wire, new Scenario.Step("Mock task", 1, 0, 0, null, null, null, 0, 1), "?", -1, false);
            return;
        }
        String prompt = wire.prompt(body);
        String turn = prompt == null ? null : scenario.turnOf(prompt);
        int step = wire.toolResults(body);
        note(wire.name(), "request", turn == null ? "?" : turn, step);
        List<Scenario.Step> steps = turn == null ? List.of() : scenario.turns().get(turn);
        Scenario.Step s = step < steps.size()
                ? steps.get(step)
                : new Scenario.Step("(mock: nothing scripted for this request)", 1, 0, 0, null, null, null, 0, 1);
        if (s.error() != 0) {
            String key = wire.name() + "|" + turn + "|" + step;
            int sent = errorsSent.merge(key, 1, Integer::sum);
            if (sent <= s.times()) {
                byte[] r = wire.error(s.error()).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(s.error(), r.length);
                ex.getResponseBody().write(r);
                note(wire.name(), "error " + s.error(), turn, step);
                return;
            }
            s = step + 1 < steps.size()
                    ? steps.get(step + 1)
                    : new Scenario.Step("Recovered.", 1, 0, 0, null, null, null, 0, 1);
        }
        sleep(s.thinkMs());
        stream(ex, wire, s, turn, step, true);
    }

    private void stream(HttpExchange ex, Wire wire, Scenario.Step s, String turn, int step, boolean logged)
            throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.getResponseHeaders().add("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        if (logged) {
            note(wire.name(), "stream-start", turn, step);
        }
        try {
            List<String> chunks = chunks(s.text(), s.chunks());
            for (String[] e : wire.events(s, "m" + System.nanoTime(), chunks)) {
                out.write(("event: " + e[0] + "\ndata: " + e[1] + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (e[0].endsWith("delta") && s.chunkMs() > 0) {
                    sleep(s.chunkMs());
                }
            }
            if (logged) {
                note(wire.name(), "stream-end" + (s.isTool() ? " tool " + s.tool() : ""), turn, step);
            }
        } catch (IOException e) {
            if (logged) {
                note(wire.name(), "stream-cut", turn, step); // the CLI closed it: Escape, or gone
            }
        }
    }

    /** {@code text} cut into {@code n} pieces (none when there is no text). */
    static List<String> chunks(String text, int n) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int size = Math.max(1, (text.length() + n - 1) / n);
        for (int i = 0; i < text.length(); i += size) {
            out.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return out;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (file != null) {
            file.close();
        }
    }

    /** {@code MockModels PORT LOGFILE}: serves the shipped scenario until killed (scripts/agents-lab). */
    public static void main(String[] args) throws Exception {
        MockModels m = start(Scenario.shipped(), Integer.parseInt(args[0]), args.length > 1 ? Path.of(args[1]) : null);
        System.out.println("mock models on 127.0.0.1:" + m.port());
        Thread.currentThread().join();
    }
}
