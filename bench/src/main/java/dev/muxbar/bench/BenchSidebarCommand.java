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
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code muxbar bench-sidebar} (hidden; used by scripts/bench/sidebar): with real clients attached,
 * times (a) a tmux change until every visible sidebar shows it and (b) a new window until its sidebar
 * is painted, each next to the tmux command's own round trip; prints bytes of a one-row repaint.
 * It reads what the sidebars show with capture-pane over its own control client.
 */
@Command(
        name = "bench-sidebar",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Time sidebar repaints (benchmark).")
final class BenchSidebarCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    Target target;

    @Option(names = "--rounds", defaultValue = "40")
    int rounds;

    private ControlClient c;

    @Override
    public Integer call() throws Exception {
        try (ControlClient client = ControlClient.start(target.address(), n -> {}, () -> {})) {
            c = client;
            List<String> visible = visibleSidebars();
            System.out.println("visible sidebars: " + visible.size() + " " + visible);
            List<Double> repaint = new ArrayList<>();
            List<Double> daemonPainted = new ArrayList<>();
            List<Double> rename = new ArrayList<>();
            String victim = lines("list-sessions -F '#{session_id}'").get(5);
            try (ApiClient api = new ApiClient(target.paths().socket())) {
                for (int r = 0; r < rounds; r++) {
                    String name = "bench-" + r;
                    long before = paints(api, visible);
                    long t0 = System.nanoTime();
                    cmd("rename-session -t '" + victim + "' " + name);
                    rename.add(ms(t0));
                    waitFor(() -> paints(api, visible) >= before + visible.size());
                    daemonPainted.add(ms(t0));
                    waitFor(() -> visible.stream().allMatch(p -> capture(p).contains(name)));
                    repaint.add(ms(t0));
                }
            }
            System.out.printf(
                    "change -> all visible sidebars show it: median=%.1f ms p99=%.1f ms"
                            + "   (daemon done painting: median=%.1f ms p99=%.1f ms; the rename-session itself: median=%.1f ms)%n",
                    BenchCommand.pct(repaint, 50),
                    BenchCommand.pct(repaint, 99),
                    BenchCommand.pct(daemonPainted, 50),
                    BenchCommand.pct(daemonPainted, 99),
                    BenchCommand.pct(rename, 50));
            Samples.save("change-to-sidebar", repaint);
            printRepaintBytes();
            themeSwitch(visible);

            List<Double> painted = new ArrayList<>();
            List<Double> created = new ArrayList<>();
            String viewed = lines("list-clients -F '#{client_control_mode} #{session_id}'").stream()
                    .filter(l -> l.startsWith("0 "))
                    .findFirst()
                    .orElseThrow()
                    .substring(2);
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                String window = lines("new-window -t '" + viewed + "' -P -F '#{window_id}' 'sleep 600'")
                        .get(0)
                        .trim();
                created.add(ms(t0));
                String[] sidebar = new String[1];
                waitFor(() -> {
                    sidebar[0] = lines("list-panes -t " + window + " -F '#{pane_id} #{@muxbar-sidebar}'").stream()
                            .filter(l -> l.endsWith(" 1"))
                            .map(l -> l.split(" ")[0])
                            .findFirst()
                            .orElse(null);
                    return sidebar[0] != null && capture(sidebar[0]).contains("muxbar");
                });
                painted.add(ms(t0));
                cmd("kill-window -t " + window);
                Thread.sleep(100); // let the daemon settle before the next round
            }
            Samples.save("new-window-to-sidebar", painted);
            System.out.printf(
                    "new window -> its sidebar painted: median=%.1f ms p99=%.1f ms"
                            + "   (the new-window itself: median=%.1f ms)%n",
                    BenchCommand.pct(painted, 50), BenchCommand.pct(painted, 99), BenchCommand.pct(created, 50));
        }
        return 0;
    }

    /**
     * A theme preview ({@code POST /theme?preview=1}) until every visible sidebar shows the new
     * background (capture-pane -e): every cell changes, so this is a whole-frame repaint of each.
     */
    private void themeSwitch(List<String> visible) throws Exception {
        List<Double> shown = new ArrayList<>();
        List<Double> daemonPainted = new ArrayList<>();
        String[][] themes = {{"nord", "48;2;46;52;64"}, {"dracula", "48;2;40;42;54"}};
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            for (int r = 0; r < rounds; r++) {
                String[] t = themes[r % 2];
                long before = paints(api, visible);
                long t0 = System.nanoTime();
                api.post("/theme?preview=1&name=" + t[0]);
                waitFor(() -> paints(api, visible) >= before + visible.size());
                daemonPainted.add(ms(t0));
                waitFor(() -> visible.stream().allMatch(p -> firstLineSgr(p).contains(t[1])));
                shown.add(ms(t0));
            }
            System.out.printf(
                    "theme change -> all visible sidebars repainted: median=%.1f ms p99=%.1f ms"
                            + "   (daemon done painting: median=%.1f ms p99=%.1f ms; compare the one-row change above)%n",
                    BenchCommand.pct(shown, 50),
                    BenchCommand.pct(shown, 99),
                    BenchCommand.pct(daemonPainted, 50),
                    BenchCommand.pct(daemonPainted, 99));
            JsonNode all = JSON.readTree(api.get("/sidebars").body());
            for (JsonNode s : all) {
                if (visible.contains(s.get("pane").asText())) {
                    System.out.println("bytes of a theme repaint (whole frame): "
                            + s.get("lastPaintBytes").asLong());
                    break;
                }
            }
            api.post("/theme?preview=1&name=default");
        }
    }

    private String firstLineSgr(String pane) {
        return String.join("\n", lines("capture-pane -e -p -S 0 -E 0 -t " + pane));
    }

    /** Sidebar panes in the windows user clients look at. */
    private List<String> visibleSidebars() {
        List<String> out = new ArrayList<>();
        for (String l : lines("list-clients -F '#{client_control_mode} #{session_id}'")) {
            if (l.startsWith("0 ")) {
                lines("list-panes -t '" + l.substring(2) + "' -F '#{pane_id} #{@muxbar-sidebar}'").stream()
                        .filter(p -> p.endsWith(" 1"))
                        .map(p -> p.split(" ")[0])
                        .forEach(out::add);
            }
        }
        return out;
    }

    /** Sum of the paint counters of the given sidebars. */
    private static long paints(ApiClient api, List<String> panes) {
        try {
            long n = 0;
            for (JsonNode s : JSON.readTree(api.get("/sidebars").body())) {
                if (panes.contains(s.get("pane").asText())) {
                    n += s.get("paints").asLong();
                }
            }
            return n;
        } catch (Exception e) {
            return -1;
        }
    }

    private void printRepaintBytes() throws Exception {
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            JsonNode all = JSON.readTree(api.get("/sidebars").body());
            List<String> bytes = new ArrayList<>();
            for (JsonNode s : all) {
                if (s.get("paints").asLong() > 1) {
                    bytes.add(s.get("pane").asText() + "="
                            + s.get("lastPaintBytes").asLong());
                }
            }
            System.out.println("bytes written by the last repaint (one renamed row), per visible sidebar: " + bytes
                    + "   (a full 30x40 frame: ~" + 30 * 40 * 20 / 1000 + " KB with 24-bit colours)");
        }
    }

    private String capture(String pane) {
        return String.join("\n", lines("capture-pane -p -S 0 -E 24 -t " + pane)); // the list rows are enough
    }

    private List<String> lines(String command) {
        return cmd(command).lines();
    }

    private ControlParser.Reply cmd(String command) {
        try {
            return c.send(command).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(command + ": " + e, e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after 5 s");
            }
            Thread.sleep(1);
        }
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
