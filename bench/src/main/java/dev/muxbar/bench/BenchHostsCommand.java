package dev.muxbar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-hosts} (hidden; used by scripts/bench/hosts): posts Claude Code hook events to remote
 * daemons ({@code --far SOCKET PANES}, each a daemon on a "remote" tmux server reached by the local
 * daemon over ssh) at a fixed rate, and every 200 ms times one event on {@code --probe-pane} of the
 * first remote until the local daemon's {@code /state} shows that agent's new status under its host.
 */
@Command(
        name = "bench-hosts",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Remote event load (benchmark).")
final class BenchHostsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--local", required = true, description = "the local daemon's socket")
    Path local;

    @Option(names = "--far", required = true, description = "SOCKET=PANE,PANE,… of a remote daemon (repeat)")
    List<String> far;

    @Option(names = "--probe-pane", required = true, description = "a pane of the first remote, kept for probes")
    String probePane;

    @Option(names = "--rate", defaultValue = "50")
    int rate;

    @Option(names = "--seconds", defaultValue = "10")
    int seconds;

    @Option(names = "--no-probe", description = "the load only (CPU per event)")
    boolean noProbe;

    @Override
    public Integer call() throws Exception {
        List<ApiClient> loads = new ArrayList<>();
        List<List<String>> panes = new ArrayList<>();
        for (String f : far) {
            int eq = f.indexOf('=');
            loads.add(new ApiClient(Path.of(f.substring(0, eq))));
            panes.add(List.of(f.substring(eq + 1).split(",")));
        }
        try (ApiClient probe =
                        new ApiClient(Path.of(far.get(0).substring(0, far.get(0).indexOf('='))));
                ApiClient here = new ApiClient(local)) {
            List<Double> latency = new ArrayList<>();
            long start = System.nanoTime();
            long interval = 1_000_000_000L / Math.max(1, rate);
            long nextProbe = start;
            int sent = 0;
            int k = 0;
            boolean running = false;
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                long due = start + sent * interval;
                long now = System.nanoTime();
                if (now < due) {
                    Thread.sleep(Math.max(0, (due - now) / 1_000_000));
                    continue;
                }
                int host = sent % loads.size();
                List<String> ps = panes.get(host);
                String pane = ps.get((sent / loads.size()) % ps.size());
                String event = BenchAgentsCommand.LOAD[(k++ / ps.size()) % BenchAgentsCommand.LOAD.length];
                loads.get(host).post(BenchAgentsCommand.hookPath(pane), BenchAgentsCommand.hook(pane, event));
                sent++;
                if (!noProbe && now >= nextProbe) {
                    nextProbe = now + 200_000_000L;
                    running = !running;
                    String want = running ? "running" : "done";
                    long t0 = System.nanoTime();
                    probe.post(
                            BenchAgentsCommand.hookPath(probePane),
                            BenchAgentsCommand.hook(
                                    probePane,
                                    running
                                            ? "\"hook_event_name\":\"UserPromptSubmit\",\"prompt\":\"probe\""
                                            : "\"hook_event_name\":\"Stop\",\"stop_hook_active\":false"));
                    while (!status(here, probePane).equals(want) && System.nanoTime() - t0 < 3_000_000_000L) {
                        Thread.sleep(2);
                    }
                    latency.add((System.nanoTime() - t0) / 1e6);
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "load: %d remote hook events in %.1f s = %.0f/s over %d hosts%n",
                    sent, secs, sent / secs, loads.size());
            if (!latency.isEmpty()) {
                latency.sort(null);
                System.out.printf(
                        "remote event → local /state: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d probes)%n",
                        latency.get(latency.size() / 2),
                        latency.get(Math.min(latency.size() - 1, (int) Math.ceil(latency.size() * 0.99) - 1)),
                        latency.get(latency.size() - 1),
                        latency.size());
                Samples.save("remote-event-to-state", latency);
            }
        } finally {
            for (ApiClient a : loads) {
                a.close();
            }
        }
        return 0;
    }

    /** The status of the first remote host's agent in {@code pane}, as the local daemon shows it. */
    private static String status(ApiClient here, String pane) {
        try {
            JsonNode hosts = JSON.readTree(here.get("/state").body()).path("hosts");
            for (JsonNode s : hosts.path(0).path("sessions")) {
                for (JsonNode a : s.path("agents")) {
                    if (a.path("pane").asText().equals(pane)) {
                        return a.path("status").asText();
                    }
                }
            }
        } catch (Exception e) {
            return "";
        }
        return "";
    }
}
