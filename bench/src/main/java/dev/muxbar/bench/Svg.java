package dev.muxbar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as SVG text, drawn by hand (the report needs no plotting tool): axes with round
 * ticks, one polyline per series, a legend. X may be logarithmic (the scale curves span 10–1000).
 */
final class Svg {

    record Series(String name, double[] xs, double[] ys) {}

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b"
    };
    private static final int W = 640;
    private static final int H = 360;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 36;
    private static final int BOTTOM = 48;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final List<Series> series = new ArrayList<>();

    Svg(String title, String xLabel, String yLabel, boolean logX) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
    }

    Svg add(Series s) {
        series.add(s);
        return this;
    }

    /** The chart, x and y from 0 (or the smallest x on a log axis) to a round number above the data. */
    String render(double xMaxHint, double yMaxHint) {
        double xMin = logX
                ? series.stream()
                        .flatMapToDouble(s -> java.util.Arrays.stream(s.xs()))
                        .filter(x -> x > 0)
                        .min()
                        .orElse(1)
                : 0;
        double xMax = Math.max(
                xMaxHint,
                series.stream()
                        .flatMapToDouble(s -> java.util.Arrays.stream(s.xs()))
                        .max()
                        .orElse(1));
        double yMax = Math.max(
                yMaxHint,
                series.stream()
                        .flatMapToDouble(s -> java.util.Arrays.stream(s.ys()))
                        .max()
                        .orElse(1));
        double[] yTicks = ticks(yMax);
        yMax = yTicks[yTicks.length - 1];
        double[] xTicks;
        if (logX) {
            xTicks = series.stream()
                    .flatMapToDouble(s -> java.util.Arrays.stream(s.xs()))
                    .distinct()
                    .sorted()
                    .toArray();
        } else {
            xTicks = ticks(xMax);
            xMax = xTicks[xTicks.length - 1];
        }
        final double x0 = xMin;
        final double x1 = xMax;
        final double y1 = yMax;
        java.util.function.DoubleUnaryOperator px = x -> LEFT
                + (W - LEFT - RIGHT)
                        * (logX
                                ? (Math.log(x) - Math.log(x0)) / Math.max(1e-9, Math.log(x1) - Math.log(x0))
                                : (x - x0) / (x1 - x0));
        java.util.function.DoubleUnaryOperator py = y -> H - BOTTOM - (H - TOP - BOTTOM) * Math.min(1.0, y / y1);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                W,
                H,
                W,
                H));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        sb.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LEFT,
                esc(title)));
        for (double t : yTicks) {
            double y = py.applyAsDouble(t);
            sb.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>%n",
                    LEFT,
                    y,
                    W - RIGHT,
                    y));
            sb.append(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4, num(t)));
        }
        for (double t : xTicks) {
            double x = px.applyAsDouble(t);
            sb.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e5e5e5\"/>%n",
                    x,
                    TOP,
                    x,
                    H - BOTTOM));
            sb.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x,
                    H - BOTTOM + 16,
                    num(t)));
        }
        sb.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT,
                H - BOTTOM,
                W - RIGHT,
                H - BOTTOM));
        sb.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT,
                TOP,
                LEFT,
                H - BOTTOM));
        sb.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (LEFT + W - RIGHT) / 2,
                H - 10,
                esc(xLabel)));
        sb.append(String.format(
                Locale.ROOT,
                "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + H - BOTTOM) / 2,
                esc(yLabel)));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int k = 0; k < s.xs().length; k++) {
                if (s.xs()[k] <= x1 && (!logX || s.xs()[k] > 0)) {
                    pts.append(String.format(
                            Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(s.xs()[k]), py.applyAsDouble(s.ys()[k])));
                }
            }
            sb.append(String.format(
                    Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                    colour,
                    pts.toString().trim()));
            if (s.xs().length <= 12) { // few points (a scale curve): mark each
                for (int k = 0; k < s.xs().length; k++) {
                    sb.append(String.format(
                            Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                            px.applyAsDouble(s.xs()[k]),
                            py.applyAsDouble(s.ys()[k]),
                            colour));
                }
            }
            int ly = TOP + 14 + 16 * i;
            sb.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    LEFT + 10,
                    ly - 4,
                    LEFT + 28,
                    ly - 4,
                    colour));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + 34, ly, esc(s.name())));
        }
        return sb.append("</svg>\n").toString();
    }

    /** Round ticks from 0 to at least {@code max}: 1, 2 or 5 times a power of ten apart. */
    static double[] ticks(double max) {
        if (!(max > 0)) {
            max = 1;
        }
        double raw = max / 5;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
        int n = (int) Math.ceil(max / step - 1e-9);
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = i * step;
        }
        return t;
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2g", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
