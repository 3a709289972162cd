package dev.muxbar.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreedesktopAppearanceTest {

    @TempDir
    Path tmp;

    @Test
    void readsPortalReplies() {
        assertEquals(true, FreedesktopAppearance.dark("(<<uint32 1>>,)"));
        assertEquals(false, FreedesktopAppearance.dark("(<<uint32 2>>,)"));
        assertEquals(false, FreedesktopAppearance.dark("(<uint32 0>,)"), "no preference: GNOME's light default");
        assertNull(FreedesktopAppearance.dark("Error: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown"));
        assertEquals(
                true,
                FreedesktopAppearance.changed("/org/freedesktop/portal/desktop: org.freedesktop.portal.Settings"
                        + ".SettingChanged ('org.freedesktop.appearance', 'color-scheme', <uint32 1>)"));
        assertNull(FreedesktopAppearance.changed("/org/freedesktop/portal/desktop: org.freedesktop.portal.Settings"
                + ".SettingChanged ('org.gnome.desktop.interface', 'gtk-theme', <'Adwaita'>)"));
        assertNull(FreedesktopAppearance.changed("/org/freedesktop/portal/desktop: org.freedesktop.portal.Settings"
                + ".SettingChanged ('org.freedesktop.appearance', 'accent-color', <(0.2, 0.5, 0.9)>)"));
    }

    /** One call for the current value, then one long-lived monitor: a fake gdbus prints what the real one would. */
    @Test
    void oneCallThenOneMonitorProcess() throws Exception {
        Path calls = tmp.resolve("calls");
        Path gdbus = tmp.resolve("gdbus");
        Files.writeString(
                gdbus,
                "#!/bin/sh\necho \"$1\" >> '" + calls + "'\ncase \"$1\" in\n"
                        + "call) echo '(<<uint32 2>>,)' ;;\n"
                        + "monitor) echo \"/org/freedesktop/portal/desktop: org.freedesktop.portal.Settings.SettingChanged "
                        + "('org.gnome.desktop.interface', 'gtk-theme', <'Adwaita'>)\"\n"
                        + "  echo \"/org/freedesktop/portal/desktop: org.freedesktop.portal.Settings.SettingChanged "
                        + "('org.freedesktop.appearance', 'color-scheme', <uint32 1>)\"\n  exec sleep 60 ;;\nesac\n");
        Files.setPosixFilePermissions(gdbus, PosixFilePermissions.fromString("rwx------"));
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        FreedesktopAppearance a = new FreedesktopAppearance(gdbus.toString(), m -> {});
        try {
            a.start(seen::add);
            Poll.until(5_000, () -> seen.size() == 2, "light, then dark", seen::toString);
            assertEquals(List.of(false, true), seen);
            assertTrue(a.available());
            assertEquals("freedesktop portal color-scheme", a.source());
            assertEquals(List.of("call", "monitor"), Files.readAllLines(calls), "no fork per check");
        } finally {
            a.close();
        }
    }

    @Test
    void noPortalMeansUnavailableWithTheReason() throws Exception {
        Path gdbus = tmp.resolve("gdbus");
        Files.writeString(
                gdbus,
                "#!/bin/sh\necho 'Error: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: "
                        + "The name org.freedesktop.portal.Desktop was not provided'\nexit 1\n");
        Files.setPosixFilePermissions(gdbus, PosixFilePermissions.fromString("rwx------"));
        List<String> log = new CopyOnWriteArrayList<>();
        FreedesktopAppearance a = new FreedesktopAppearance(gdbus.toString(), log::add);
        a.start(d -> log.add("changed " + d));
        // Not available while it starts, too: wait for the answer that says why.
        Poll.until(
                5_000,
                () -> !a.available() && a.source().contains("ServiceUnknown"),
                "unavailable, and why",
                () -> a.source() + " " + log);
        assertFalse(log.stream().anyMatch(l -> l.startsWith("changed")), "no appearance reported: " + log);
    }

    /** The monitor must not outlive a daemon killed with SIGKILL: its death closes the pipe, as here. */
    @Test
    void aTiedProcessEndsWhenThePipeFromThisProcessCloses() throws Exception {
        Process p = FreedesktopAppearance.tiedToThisProcess(java.util.List.of("sleep", "1000"));
        long deadline = System.currentTimeMillis() + 5_000;
        java.util.List<ProcessHandle> kids = java.util.List.of();
        while (kids.isEmpty() && System.currentTimeMillis() < deadline) {
            kids = p.descendants().toList();
            Thread.sleep(10);
        }
        org.junit.jupiter.api.Assertions.assertFalse(kids.isEmpty(), "the command runs under the shell");
        p.getOutputStream().close();
        org.junit.jupiter.api.Assertions.assertTrue(
                p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS), "the shell ended");
        for (ProcessHandle k : kids) {
            while (k.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            org.junit.jupiter.api.Assertions.assertFalse(k.isAlive(), "the command ended too: " + k.info());
        }
    }
}
