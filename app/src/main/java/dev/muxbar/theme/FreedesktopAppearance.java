package dev.muxbar.theme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux: the freedesktop {@code org.freedesktop.appearance color-scheme} setting (0 no preference,
 * 1 prefer dark, 2 prefer light) through the desktop portal: one {@code gdbus call} at start, then
 * one long-lived {@code gdbus monitor} whose lines announce changes.
 *
 * <pre>
 * $ gdbus call … --method org.freedesktop.portal.Settings.Read org.freedesktop.appearance color-scheme
 * (&lt;&lt;uint32 1&gt;&gt;,)
 * $ gdbus monitor --session --dest org.freedesktop.portal.Desktop --object-path /org/freedesktop/portal/desktop
 * /org/freedesktop/portal/desktop: org.freedesktop.portal.Settings.SettingChanged ('org.freedesktop.appearance', 'color-scheme', &lt;uint32 2&gt;)
 * </pre>
 */
final class FreedesktopAppearance extends WatcherThread {

    private static final List<String> PORTAL = List.of(
            "--session",
            "--dest",
            "org.freedesktop.portal.Desktop",
            "--object-path",
            "/org/freedesktop/portal/desktop");
    private static final Pattern VALUE = Pattern.compile("uint32 (\\d+)");

    private final String gdbus;
    private volatile Process monitor;
    private volatile boolean closed;

    FreedesktopAppearance(String gdbus, Consumer<String> log) {
        super("freedesktop portal (starting)", log);
        this.gdbus = gdbus;
    }

    @Override
    void run(Consumer<Boolean> onDark) {
        try {
            List<String> call = new java.util.ArrayList<>(List.of(gdbus, "call"));
            call.addAll(PORTAL);
            call.addAll(List.of(
                    "--method", "org.freedesktop.portal.Settings.Read", "org.freedesktop.appearance", "color-scheme"));
            Process p = new ProcessBuilder(call).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            Boolean dark = p.waitFor() == 0 ? dark(out) : null;
            if (dark == null) {
                fail("the desktop portal did not answer the color-scheme setting: "
                        + out.lines().findFirst().orElse(""));
                return;
            }
            reading("freedesktop portal color-scheme");
            onDark.accept(dark);
            List<String> watch = new java.util.ArrayList<>(List.of(gdbus, "monitor"));
            watch.addAll(PORTAL);
            monitor = tiedToThisProcess(watch);
            if (closed) {
                monitor.destroy(); // closed while the first call ran: close() did not see this process
                return;
            }
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    Boolean d = changed(line);
                    if (d != null) {
                        onDark.accept(d);
                    }
                }
            }
            if (!closed) {
                fail("gdbus monitor ended");
            }
        } catch (IOException e) {
            fail("cannot run " + gdbus + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts {@code argv} so that it ends with this JVM, also when the JVM is killed with SIGKILL (no
     * shutdown hook runs then): a small {@code sh} runs it in the background and waits on its stdin,
     * a pipe only this JVM holds; when the pipe closes (the JVM is gone, or {@link #close} closed it)
     * the shell kills the command. The command's stdout and stderr are the returned process's.
     */
    static Process tiedToThisProcess(List<String> argv) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(
                List.of("sh", "-c", "\"$@\" 2>&1 & child=$!; read -r _; kill \"$child\" 2>/dev/null", "muxbar-tied"));
        cmd.addAll(argv);
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /**
     * The appearance in a {@code Read} reply such as {@code (<<uint32 1>>,)}; null if none. Only 1
     * (prefer dark) is dark: 0 is what GNOME's light "Default" style sets.
     */
    static Boolean dark(String reply) {
        Matcher m = VALUE.matcher(reply);
        return m.find() ? m.group(1).equals("1") : null;
    }

    /** The appearance a monitor line announces, or null for every other line. */
    static Boolean changed(String line) {
        if (!line.contains("SettingChanged")
                || !line.contains("'org.freedesktop.appearance'")
                || !line.contains("'color-scheme'")) {
            return null;
        }
        return dark(line.substring(line.indexOf("'color-scheme'")));
    }

    @Override
    public void close() {
        closed = true;
        Process p = monitor;
        if (p != null) {
            try {
                p.getOutputStream().close(); // the shell ends the monitor and itself
            } catch (IOException e) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            }
        }
    }
}
