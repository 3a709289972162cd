package dev.muxbar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web view's locks, request by request over 127.0.0.1 (raw HTTP: every header is the test's): off
 * means no TCP listener; every route but pairing needs a paired device; a pairing code works once;
 * the cookie is HttpOnly and SameSite=Strict; POSTs need the CSRF token and the page's Origin; a foreign
 * Host is refused (DNS rebinding); a revoked device is refused; failed authentication is rate-limited;
 * with TLS the certificate is the one whose fingerprint pairing shows.
 */
class WebSecurityIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private DaemonProcess daemon;
    private int port;

    record Answer(int status, String head, String body) {}

    @BeforeEach
    void start() throws Exception {
        TmuxServer tmux = cleanup.track(new TmuxServer("work"));
        daemon = cleanup.track(DaemonProcess.start(
                        tmux, tmp.resolve("run"), tmp.resolve("state"), Map.of("HOME", tmp.toString())))
                .awaitReady();
        port = dev.muxbar.testing.Browser.freePort();
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private DaemonProcess.Cli cli(String... args) throws Exception {
        return DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, args);
    }

    private Answer http(String method, String path, String host, String... headers) throws IOException {
        return http(new Socket("127.0.0.1", port), method, path, host, headers);
    }

    private static Answer http(Socket s, String method, String path, String host, String... headers)
            throws IOException {
        try (s) {
            s.setSoTimeout(5_000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            req.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, split < 0 ? "" : all.substring(split + 4));
        }
    }

    private String host() {
        return "127.0.0.1:" + port;
    }

    private String pairUrl() throws Exception {
        DaemonProcess.Cli pair = cli("web", "pair", "--name", "sec");
        assertEquals(0, pair.exit(), pair.output());
        Matcher m =
                Pattern.compile("https?://[^/]+(/pair\\?code=[A-Z0-9]+[^\\s]*)").matcher(pair.output());
        assertTrue(m.find(), pair.output());
        return m.group(1);
    }

    private static String cookie(Answer a) {
        Matcher m = Pattern.compile("(?i)Set-Cookie: muxbar_device=([^;]+)").matcher(a.head());
        assertTrue(m.find(), a.head());
        return m.group(1);
    }

    @Test
    void everyLockHolds() throws Exception {
        assertThrows(IOException.class, () -> http("GET", "/", host()), "off: nothing listens");
        assertEquals(0, cli("web", "on", "--listen", host()).exit());
        assertEquals(401, http("GET", "/", host()).status(), "not paired");
        assertEquals(401, http("GET", "/api/page", host()).status());
        assertEquals(401, http("GET", "/api/events", host()).status());
        assertEquals(403, http("GET", "/pair?code=AAAAAAAAAA", host()).status(), "a made-up code");

        String path = pairUrl();
        assertEquals(421, http("GET", path, "evil.example:" + port).status(), "a foreign Host: not even pairing");
        Answer paired = http("GET", path, host());
        assertEquals(303, paired.status(), paired.head());
        assertTrue(
                paired.head().matches("(?is).*Set-Cookie: muxbar_device=[^\\r\\n]*HttpOnly[^\\r\\n]*SameSite=Strict.*"),
                paired.head());
        assertTrue(
                paired.head().contains("Content-Security-Policy: default-src 'none'; script-src 'self'"),
                paired.head());
        assertEquals(403, http("GET", path, host()).status(), "a code works once");
        String c = "Cookie: muxbar_device=" + cookie(paired);

        Answer page = http("GET", "/api/page", host(), c);
        assertEquals(200, page.status(), page.body());
        Matcher csrf = Pattern.compile("\"csrf\":\"([0-9a-f]+)\"").matcher(page.body());
        assertTrue(csrf.find(), page.body());
        String token = "X-Muxbar-CSRF: " + csrf.group(1);
        String origin = "Origin: http://" + host();
        assertEquals(421, http("GET", "/api/page", "attacker.example", c).status(), "DNS rebinding");
        assertEquals(
                403,
                http("POST", "/api/answer?pane=%251&choice=1&prompt=0123456789abcdef", host(), c, origin)
                        .status(),
                "no CSRF token");
        assertEquals(
                403,
                http("POST", "/api/answer?pane=%251&choice=1&prompt=0123456789abcdef", host(), c, token)
                        .status(),
                "no Origin");
        assertEquals(
                403,
                http(
                                "POST",
                                "/api/answer?pane=%251&choice=1&prompt=0123456789abcdef",
                                host(),
                                c,
                                token,
                                "Origin: http://evil.example")
                        .status(),
                "another site's page");
        assertEquals(
                404,
                http("POST", "/api/answer?pane=%251&choice=1&prompt=0123456789abcdef", host(), c, token, origin)
                        .status(),
                "all locks open: no agent there");
        assertEquals(
                400,
                http("POST", "/api/answer?pane=x;y&choice=1&prompt=0", host(), c, token, origin)
                        .status());
        assertTrue(daemon.diagnostics().contains("web: paired sec from 127.0.0.1"), daemon.diagnostics());

        assertEquals(0, cli("web", "revoke", "sec").exit());
        assertEquals(401, http("GET", "/api/page", host(), c).status(), "revoked");
        for (int i = 0; i < Throttle.FAILURES; i++) {
            http("GET", "/api/page", host(), "Cookie: muxbar_device=guess-" + "x".repeat(30) + i);
        }
        String fresh = pairUrl();
        assertEquals(429, http("GET", fresh, host()).status(), "after " + Throttle.FAILURES + " failures, a pause");

        assertEquals(0, cli("web", "off").exit());
        assertThrows(IOException.class, () -> http("GET", "/", host()), "off again: nothing listens");
    }

    @Test
    void withTlsTheCertificateIsTheOnePairingNames() throws Exception {
        DaemonProcess.Cli on = cli("web", "on", "--listen", host(), "--tls");
        assertEquals(0, on.exit(), on.output());
        assertTrue(on.output().contains("https://" + host()), on.output());
        DaemonProcess.Cli pair = cli("web", "pair");
        Matcher fp = Pattern.compile("([0-9A-F]{2}(:[0-9A-F]{2}){31})").matcher(pair.output());
        assertTrue(fp.find(), pair.output());
        String[] seen = new String[1];
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {}

                        @Override
                        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
                            try {
                                seen[0] = java.util.HexFormat.ofDelimiter(":")
                                        .withUpperCase()
                                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                                .digest(chain[0].getEncoded()));
                            } catch (java.security.GeneralSecurityException e) {
                                throw new IllegalStateException(e);
                            }
                        }

                        @Override
                        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                            return new java.security.cert.X509Certificate[0];
                        }
                    }
                },
                null);
        Answer a = http(ctx.getSocketFactory().createSocket("127.0.0.1", port), "GET", "/api/page", host());
        assertEquals(401, a.status(), "over TLS, still locked");
        assertEquals(fp.group(1), seen[0], "the certificate pairing showed");
        Matcher m = Pattern.compile("https://[^/]+(/pair\\?code=[A-Z0-9]+)").matcher(pair.output());
        assertTrue(m.find(), pair.output());
        Answer paired = http(ctx.getSocketFactory().createSocket("127.0.0.1", port), "GET", m.group(1), host());
        assertTrue(
                paired.head().matches("(?is).*Set-Cookie: muxbar_device=[^\\r\\n]*Secure.*"),
                "Secure under TLS: " + paired.head());
        boolean plainAnswers;
        try {
            plainAnswers = http("GET", "/", host()).status() > 0;
        } catch (IOException | RuntimeException e) {
            plainAnswers = false; // a TLS alert, or nothing: not an HTTP answer
        }
        assertTrue(!plainAnswers, "plain HTTP gets no page from the TLS port");
    }
}
