package dev.muxbar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web view's pieces alone: where it listens, its codes, its devices, its throttle, its weight. */
class WebPartsTest {

    @TempDir
    Path tmp;

    @Test
    void listenAddressesAndTheNamesAPageMayUse() {
        WebConfig d = WebConfig.parse(null, false, null);
        assertEquals("http://127.0.0.1:7878", d.url());
        assertTrue(!d.tls());
        assertTrue(d.hostAllowed("127.0.0.1:7878") && d.hostAllowed("localhost:7878") && d.hostAllowed("[::1]:7878"));
        assertTrue(!d.hostAllowed("evil.example:7878") && !d.hostAllowed("127.0.0.1:7879") && !d.hostAllowed(null));
        assertTrue(d.originAllowed("http://localhost:7878") && !d.originAllowed("https://localhost:7878"));
        assertTrue(!d.originAllowed("http://evil.example") && !d.originAllowed("null") && !d.originAllowed(null));
        WebConfig open = WebConfig.parse("0.0.0.0:8443", false, "box.tailnet.ts.net");
        assertTrue(open.tls(), "off loopback: TLS");
        assertTrue(open.hostAllowed("box.tailnet.ts.net") && open.hostAllowed("box.tailnet.ts.net:8443"));
        assertTrue(
                open.originAllowed("https://box.tailnet.ts.net") && !open.originAllowed("http://box.tailnet.ts.net"));
        WebConfig proxied = WebConfig.parse("0.0.0.0:7878", true, "box.tailnet.ts.net");
        assertTrue(!proxied.tls() && proxied.originAllowed("https://box.tailnet.ts.net"), "the proxy does TLS");
        assertEquals("[::1]:7878", WebConfig.parse("[::1]:7878", false, null).authority());
        assertTrue(WebConfig.parse("7878", false, null, true).tls(), "--tls on loopback");
        for (String bad : List.of("7878x", "host", "1.2.3.4:0", "1.2.3.4:70000", "$(id):80", "[::1]7878")) {
            assertThrows(IllegalArgumentException.class, () -> WebConfig.parse(bad, false, null), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> WebConfig.parse("7878", false, "a b"));
    }

    @Test
    void aCodeWorksOnceWithinFiveMinutes() {
        Pairing p = new Pairing();
        String a = p.open(1_000);
        assertTrue(a.matches("[A-Z2-9]{10}"), a);
        assertTrue(p.take(a.toLowerCase(), 2_000), "typed in lower case");
        assertTrue(!p.take(a, 2_000), "once");
        String late = p.open(1_000);
        assertTrue(!p.take(late, 1_000 + Pairing.TTL_MS + 1), "too old");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < Pairing.OPEN + 2; i++) {
            many.add(p.open(5_000));
        }
        assertTrue(!p.take(many.get(0), 5_000), "the oldest went");
        assertTrue(p.take(many.get(many.size() - 1), 5_000));
        assertTrue(!p.take(null, 0) && !p.take("", 0));
    }

    @Test
    void devicesKeepOnlyTheHashOfTheirTokenInAPrivateFile() throws Exception {
        Path file = tmp.resolve("state/web-devices.json");
        List<String> log = new ArrayList<>();
        Devices d = new Devices(file, log::add, () -> 1_000);
        Devices.Paired phone = d.add("my phone <script>");
        assertEquals("my phone script", phone.name(), "the name kept to plain characters");
        assertEquals("my phone script-2", d.add("my phone <script>").name());
        String text = Files.readString(file);
        assertTrue(!text.contains(phone.token()), "no token on disk");
        assertTrue(text.contains(Devices.hash(phone.token())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Devices again = new Devices(file, log::add, () -> 2_000);
        assertEquals("my phone script", again.who(phone.token()).orElseThrow());
        assertTrue(again.who("x".repeat(43)).isEmpty() && again.who(null).isEmpty());
        assertTrue(again.revoke("my phone script"));
        assertTrue(again.who(phone.token()).isEmpty(), "revoked");
        assertTrue(!again.revoke("nobody"));
        Files.writeString(file, "{not json");
        Devices broken = new Devices(file, log::add, () -> 3_000);
        assertTrue(broken.list().isEmpty());
        assertTrue(!log.isEmpty(), "kept aside with a log line");
        assertTrue(!Devices.csrf(phone.token()).equals(Devices.csrf("y".repeat(43))));
    }

    @Test
    void failuresFromOneAddressArePausedForAMinute() {
        Throttle t = new Throttle();
        for (int i = 0; i < Throttle.FAILURES - 1; i++) {
            t.failed("10.0.0.1", 1_000);
        }
        assertTrue(!t.limited("10.0.0.1", 1_000));
        t.failed("10.0.0.1", 1_000);
        assertTrue(t.limited("10.0.0.1", 1_000));
        assertTrue(!t.limited("10.0.0.2", 1_000), "another address is not");
        assertTrue(!t.limited("10.0.0.1", 1_000 + Throttle.WINDOW_MS + 1), "a minute later");
    }

    @Test
    void thePageWeighsWellUnderItsBudget() throws Exception {
        long compressed = 0;
        for (String asset : List.of("index.html", "app.js", "app.css")) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(Assets.get(asset).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            compressed += bytes.size();
        }
        assertTrue(compressed < 100 * 1024, "the page, compressed: " + compressed + " bytes (budget 100 KB)");
        assertTrue(
                !Assets.get("index.html").contains("<script>")
                        && !Assets.get("index.html").contains("style="),
                "nothing inline");
        assertTrue(ThemeCss.of(dev.muxbar.theme.Theme.builtIn("default")).contains("--waiting:#"));
        String both = ThemeCss.of(
                List.of(dev.muxbar.theme.Theme.builtIn("default"), dev.muxbar.theme.Theme.builtIn("github-light")));
        assertTrue(both.contains("@media (prefers-color-scheme: light)"), "auto mode: the device's appearance picks");
    }
}
