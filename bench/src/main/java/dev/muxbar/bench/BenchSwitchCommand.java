package dev.muxbar.bench;

import dev.muxbar.cli.Target;
import dev.muxbar.tmux.ControlClient;
import dev.muxbar.tmux.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code muxbar bench-switch} (hidden; used by scripts/bench/switch): keypress in a real client
 * (outer {@code send-keys}) until a control client sees {@code %client-session-changed}, for sets of
 * keys (one binding each) pressed in turn, each press switching to the next session.
 */
@Command(
        name = "bench-switch",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Time key switches (benchmark).")
final class BenchSwitchCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(
            names = "--outer",
            required = true,
            description = "the outer tmux server (-L) whose session o holds the client")
    String outer;

    @Option(
            names = "--pair",
            required = true,
            description = "LABEL:KEY1:KEY2[:KEY3…]: key N switches to session N (session 1 is where the client starts)")
    List<String> pairs;

    @Option(names = "--gap-ms", defaultValue = "30", description = "pause after each switch")
    long gapMs;

    @Option(names = "--rounds", defaultValue = "40")
    int rounds;

    private final LinkedBlockingQueue<Long> changes = new LinkedBlockingQueue<>();

    @Override
    public Integer call() throws Exception {
        try (ControlClient c = ControlClient.start(
                target.address(),
                n -> {
                    if (n instanceof Notification.ClientSessionChanged ch
                            && ch.client().startsWith("/dev/")) {
                        changes.add(System.nanoTime());
                    }
                },
                () -> {})) {
            c.send("display-message -p ready").get(5, TimeUnit.SECONDS);
            // Every binding is pressed in turn, press by press (a, b, c, a, b, c, …), each press to the
            // next session (1, 2, 3, 1, …): a machine that slows down for a while slows every binding
            // alike, where runs one after the other compared the binding with its luck.
            List<String[]> sets = pairs.stream().map(x -> x.split(":")).toList();
            List<List<Double>> times = new ArrayList<>();
            int[] missed = new int[sets.size()];
            sets.forEach(x -> times.add(new ArrayList<>()));
            for (int r = 0; r < rounds * sets.size(); r++) {
                int which = r % sets.size();
                String[] p = sets.get(which);
                changes.clear();
                long t0 = System.nanoTime();
                press(p[1 + (r + 1) % (p.length - 1)]);
                Long t1 = changes.poll(2, TimeUnit.SECONDS);
                if (t1 == null) {
                    missed[which]++;
                } else {
                    times.get(which).add((t1 - t0) / 1e6);
                }
                Thread.sleep(gapMs);
            }
            List<Double> base = times.get(0);
            for (int i = 0; i < sets.size(); i++) {
                String label = sets.get(i)[0];
                List<Double> t = times.get(i);
                if (t.isEmpty() || base.isEmpty()) {
                    System.out.printf("%-28s no switch seen in %d presses%n", label, rounds);
                    continue;
                }
                Samples.save("switch " + label.trim(), t);
                System.out.printf(
                        "%-28s median=%5.2f ms p90=%5.2f ms  (%.2fx the baseline)%s%n",
                        label,
                        BenchCommand.pct(t, 50),
                        BenchCommand.pct(t, 90),
                        BenchCommand.pct(t, 50) / BenchCommand.pct(base, 50),
                        missed[i] > 0 ? "  missed " + missed[i] : "");
            }
            // Five rapid-fire switches, end to end: separate presses back to back (five keys in one
            // send-keys arrive in one read, and tmux then makes 3 switches even with bare bindings).
            String[] p = pairs.get(1 % pairs.size()).split(":");
            changes.clear();
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                press(p[1 + (i + 1) % (p.length - 1)]);
            }
            int seen = 0;
            long last = t0;
            Long t;
            while (seen < 5 && (t = changes.poll(2, TimeUnit.SECONDS)) != null) {
                seen++;
                last = t;
            }
            System.out.printf(
                    "5 rapid-fire switches (%s): %d seen, last after %.1f ms%n", p[0], seen, (last - t0) / 1e6);
        }
        return 0;
    }

    private void press(String... keys) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", outer, "send-keys", "-t", "o"));
        cmd.addAll(List.of(keys));
        new ProcessBuilder(cmd).start().waitFor();
    }
}
