package dev.muxbar.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plot} (scripts/bench/report): SVG charts from what the benchmarks saved. {@code --cdf
 * NAME=FILE…}: latency distributions (share of samples at or under x ms, tails past the largest
 * p99 cut off); {@code --scale FILE --column C}: a scale curve from scripts/bench/scale's table
 * (first column: sessions, log x).
 */
@Command(name = "plot", hidden = true, mixinStandardHelpOptions = true, description = "Write an SVG chart.")
final class PlotCommand implements Callable<Integer> {

    @Option(names = "--out", required = true)
    Path out;

    @Option(names = "--title", required = true)
    String title;

    @Option(names = "--scale", description = "a tab-separated table with a header row")
    Path scale;

    @Option(
            names = "--column",
            description = "--scale: the header of the column to plot (more than one: one line each)")
    List<String> columns;

    @Option(names = "--y-label", defaultValue = "")
    String yLabel;

    @Parameters(description = "--cdf: NAME=FILE, one millisecond figure per line")
    List<String> series = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String svg = scale != null ? scaleChart() : cdfChart();
        Files.writeString(out, svg);
        return 0;
    }

    private String cdfChart() throws Exception {
        Svg chart = new Svg(title, "milliseconds", "share of samples at or under", false);
        double xMax = 0;
        for (String s : series) {
            int eq = s.indexOf('=');
            double[] ms = Files.readAllLines(Path.of(s.substring(eq + 1))).stream()
                    .filter(l -> !l.isBlank())
                    .mapToDouble(Double::parseDouble)
                    .sorted()
                    .toArray();
            if (ms.length == 0) {
                continue;
            }
            double[] share = new double[ms.length];
            for (int i = 0; i < ms.length; i++) {
                share[i] = (i + 1.0) / ms.length;
            }
            xMax = Math.max(xMax, ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)] * 1.1);
            String name = String.format(
                    java.util.Locale.ROOT,
                    "%s (median %.1f ms, n=%d)",
                    s.substring(0, eq),
                    ms[(ms.length - 1) / 2],
                    ms.length);
            chart.add(new Svg.Series(name, ms, share));
        }
        return chart.render(xMax, 1.0);
    }

    private String scaleChart() throws Exception {
        List<String> lines =
                Files.readAllLines(scale).stream().filter(l -> !l.isBlank()).toList();
        List<String> header = Arrays.asList(lines.get(0).split("\t"));
        Svg chart = new Svg(title, header.get(0) + " (log scale)", yLabel, true);
        for (String column : columns) {
            int c = header.indexOf(column);
            if (c < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + header);
            }
            // a size whose figure is missing (a benchmark step that failed) is left out, not fatal
            List<double[]> points = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", -1);
                try {
                    points.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[c])});
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    System.err.println("plot: no " + column + " in row " + lines.get(i));
                }
            }
            chart.add(new Svg.Series(
                    column,
                    points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray()));
        }
        return chart.render(0, 0);
    }
}
