package dev.muxbar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.cli.Target;
import dev.muxbar.tmux.ControlClient;
import dev.muxbar.tmux.ControlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code muxbar bench-agents} (hidden; used by scripts/bench/agents): posts Claude Code hook events
 * ({@code POST /hooks/claude}, as scripts/muxbar-hook does) at a fixed rate across the content panes
 * of all sessions while, once every 200 ms, timing one event until a
 * visible sidebar (read with capture-pane) shows its badge. Prints the latency, the achieved rate,
 * and how often the visible sidebar repainted.
 */
@Command(
        name = "bench-agents",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Agent event load (benchmark).")
final class BenchAgentsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    Target target;

    @Option(names = "--rate", defaultValue = "200")
    int rate;

    @Option(names = "--seconds", defaultValue = "10")
    int seconds;

    /** The baseline: what the HTTP server costs per request when the request does nothing. */
    @Option(names = "--health", description = "GET /health at the rate instead of posting hook events")
    boolean health;

    /**
     * One Claude turn as its hooks report it, cycled per pane: the bodies are shaped as Claude Code
     * sends them (session_id, transcript_path, cwd, hook_event_name and the event's own fields).
     */
    static final String[] LOAD = {
        "\"hook_event_name\":\"UserPromptSubmit\",\"prompt\":\"make the flaky store test deterministic\"",
        "\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"go test ./store/...\"}",
        "\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Bash\",\"tool_response\":{\"stdout\":\"ok store 1.02s\"}",
        "\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Edit\",\"tool_input\":{\"file_path\":\"/src/store/store_test.go\"}",
        "\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Edit\",\"tool_response\":{\"success\":true}",
        "\"hook_event_name\":\"Stop\",\"stop_hook_active\":false"
    };

    @Override
    public Integer call() throws Exception {
        if (health) {
            return healthOnly();
        }
        try (ControlClient c = ControlClient.start(target.address(), n -> {}, () -> {});
                ApiClient load = new ApiClient(target.paths().socket());
                ApiClient probe = new ApiClient(target.paths().socket())) {
            List<String> panes = new ArrayList<>(); // content pane of each session, in session order
            for (String l : lines(c, "list-panes -a -F '#{session_name} #{pane_id} #{@muxbar-sidebar}'")) {
                String[] f = l.split(" ");
                if (f.length == 2 || !f[2].equals("1")) {
                    panes.add(f[1]);
                }
            }
            String viewed = lines(c, "list-clients -F '#{client_control_mode} #{session_id}'").stream()
                    .filter(l -> l.startsWith("0 "))
                    .findFirst()
                    .orElseThrow()
                    .substring(2);
            String sidebar = lines(c, "list-panes -t '" + viewed + "' -F '#{pane_id} #{@muxbar-sidebar}'").stream()
                    .filter(l -> l.endsWith(" 1"))
                    .map(l -> l.split(" ")[0])
                    .findFirst()
                    .orElseThrow();
            String probed = panes.remove(panes.size() - 1); // the last session's pane: its row is the probe
            String probedRow = lines(c, "display-message -p -t " + probed + " '#{session_name}'")
                    .get(0)
                    .trim();
            System.out.println("load: " + rate + " events/s for " + seconds + " s across " + panes.size()
                    + " panes; probe: " + probed + " (row " + probedRow + ") on visible sidebar " + sidebar);
            long paints0 = paints(probe, sidebar);
            List<Double> latency = new ArrayList<>();
            long sent = 0;
            long failed = 0;
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long nextProbe = start;
            int probeRound = 0;
            for (long i = 0; System.nanoTime() < end; i++) {
                BenchCommand.paceTo(start, i, rate);
                String pane = panes.get((int) (i % panes.size()));
                String event = LOAD[(int) ((i / panes.size()) % LOAD.length)];
                if (load.post(hookPath(pane), hook(pane, event)).status() != 200) {
                    failed++;
                }
                sent++;
                if (System.nanoTime() >= nextProbe) {
                    nextProbe += 200_000_000L;
                    // Alternate waiting (?) and done (✓) on the probe's pane; wait for the badge.
                    boolean wait = probeRound++ % 2 == 0;
                    long t0 = System.nanoTime();
                    probe.post(
                            hookPath(probed),
                            hook(
                                    probed,
                                    wait
                                            ? "\"hook_event_name\":\"Notification\",\"message\":\"Claude needs your permission to use Bash\","
                                                    + "\"notification_type\":\"permission_prompt\""
                                            : "\"hook_event_name\":\"Stop\",\"stop_hook_active\":false"));
                    String glyph = wait ? "?" : "✓";
                    long deadline = t0 + 2_000_000_000L;
                    while (System.nanoTime() < deadline
                            && !row(c, sidebar, probedRow).contains(glyph)) {
                        Thread.sleep(0, 200_000);
                    }
                    latency.add((System.nanoTime() - t0) / 1e6);
                }
            }
            double took = (System.nanoTime() - start) / 1e9;
            Samples.save("hook-to-badge", latency);
            long paints = paints(probe, sidebar) - paints0;
            System.out.printf("sent %d events in %.1f s (%.0f/s, %d rejected)%n", sent, took, sent / took, failed);
            System.out.printf(
                    "event -> badge on the visible sidebar: median=%.1f ms p99=%.1f ms max=%.1f ms (%d probes)%n",
                    BenchCommand.pct(latency, 50),
                    BenchCommand.pct(latency, 99),
                    BenchCommand.pct(latency, 100),
                    latency.size());
            System.out.printf(
                    "visible sidebar repaints: %d in %.1f s = %.1f/s (one per 16 ms frame at most: %.1f/s)%n",
                    paints, took, paints / took, 1000.0 / 16);
        }
        return 0;
    }

    /** GET /health at the rate, on one keep-alive connection as the load uses: the API's floor. */
    private int healthOnly() throws Exception {
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            long sent = 0;
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            for (long i = 0; System.nanoTime() < end; i++) {
                BenchCommand.paceTo(start, i, rate);
                if (api.get("/health").status() != 200) {
                    throw new IllegalStateException("GET /health failed");
                }
                sent++;
            }
            System.out.printf("sent %d GET /health in %.1f s%n", sent, (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }

    /** What scripts/muxbar-hook posts to: the hook endpoint with the pane ($TMUX_PANE) URL-encoded. */
    static String hookPath(String pane) {
        return "/hooks/claude?pane=" + java.net.URLEncoder.encode(pane, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String hook(String pane, String event) {
        String session = "bench-" + pane.substring(1);
        return "{\"session_id\":\"" + session + "\",\"transcript_path\":\"/nonexistent/" + session + ".jsonl\","
                + "\"cwd\":\"/tmp\",\"permission_mode\":\"default\"," + event + "}";
    }

    /** The sidebar row of a session, as tmux shows it. */
    private static String row(ControlClient c, String sidebar, String session) {
        for (String l : lines(c, "capture-pane -p -S 0 -E 24 -t " + sidebar)) {
            if (l.contains(" " + session + " ")) {
                return l;
            }
        }
        return "";
    }

    private static long paints(ApiClient api, String pane) throws Exception {
        for (JsonNode s : JSON.readTree(api.get("/sidebars").body())) {
            if (s.get("pane").asText().equals(pane)) {
                return s.get("paints").asLong();
            }
        }
        return 0;
    }

    private static List<String> lines(ControlClient c, String command) {
        try {
            ControlParser.Reply r = c.send(command).get(5, TimeUnit.SECONDS);
            return r.lines();
        } catch (Exception e) {
            throw new IllegalStateException(command + ": " + e, e);
        }
    }
}
