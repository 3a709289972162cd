package dev.muxbar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muxbar.testing.Browser;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;

/**
 * The web view in a real browser (Debian's chromium and chromedriver, driven by Selenium): a person
 * pairs a phone with the one-time link, sees a fake Claude start and go waiting with its choices, taps
 * "2" — the agent gets exactly that key —, types a reply that arrives byte for byte, and is refused once
 * the device is revoked. Text from agents and sessions stays text. Screenshots at 360×740 and 1280×800
 * (into {@code -Dweb.shots=DIR}, default target/web-shots; scripts/screenshots-web puts them in docs/).
 */
class WebIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private TmuxServer tmux;
    private DaemonProcess daemon;
    private Browser browser;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Browser.here(), "no chromium and chromedriver here");
        tmux = cleanup.track(new TmuxServer("work"));
        tmux.tmux("set-option", "-g", "default-shell", "/bin/sh");
        tmux.tmux("new-session", "-d", "-s", "<img src=x onerror=alert(1)>", "-x", "120", "-y", "30");
        tmux.tmux("new-session", "-d", "-s", "act", "-x", "120", "-y", "30");
        daemon = cleanup.track(DaemonProcess.start(
                        tmux, tmp.resolve("run"), tmp.resolve("state"), Map.of("HOME", tmp.toString())))
                .awaitReady();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        cleanup.close();
    }

    private String fakeAgent(String session, String env) {
        return dev.muxbar.testing.FakeAgents.start(tmux, session, "claude", env);
    }

    private DaemonProcess.Cli cli(String... args) throws Exception {
        return DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, args);
    }

    private String screen(String pane) {
        return tmux.tmux("capture-pane", "-p", "-t", pane);
    }

    private String diagnostics(String pane) {
        return "page:\n" + (browser == null ? "" : browser.page()) + "\nscreen of " + pane + ":\n"
                + (pane.isEmpty() ? "" : screen(pane)) + "\n" + daemon.diagnostics();
    }

    private static String card(String pane) {
        return ".agent[data-pane='" + pane + "']";
    }

    static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    private void shot(String name) throws java.io.IOException {
        Path dir = Path.of(System.getProperty("web.shots", "target/web-shots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), browser.driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aPairedPhoneSeesAWaitingAgentAnswersItRepliesAndIsRefusedOnceRevoked() throws Exception {
        DaemonProcess.Cli on = cli("web", "on", "--listen", "127.0.0.1:" + Browser.freePort());
        assertEquals(0, on.exit(), on.output());
        String idle = fakeAgent("act", "FAKE_MODE=idle");
        // An agent whose words are markup: they must stay words.
        String odd = tmux.display("<img src=x onerror=alert(1)>:", "#{pane_id}");
        try (dev.muxbar.api.ApiClient api = new dev.muxbar.api.ApiClient(daemon.socket())) {
            api.post(
                    "/agent-event",
                    "{\"agent\":\"codex\",\"status\":\"running\",\"pane\":\"" + odd
                            + "\",\"title\":\"<script>window.pwned=1</script><b>bold?</b>\"}");
        }
        String url = Browser.pairLink(cli("web", "pair", "--name", "test phone"));

        browser = Browser.start(360, 740);
        browser.driver.get(url);
        Poll.until(
                15_000,
                () -> browser.text(card(idle)) != null,
                "the page, live (the idle agent)",
                () -> diagnostics(idle));
        // Now an agent starts and asks: the open page shows it through the event stream, no reload.
        String waiting = fakeAgent("act", null);
        Poll.until(
                15_000,
                () -> browser.text(card(waiting) + " button.choice[data-choice='2']") != null,
                "the waiting agent and its choices on the page",
                () -> diagnostics(waiting));
        assertTrue(browser.text(card(waiting)).contains("Yes, and don't ask again"), browser.text(card(waiting)));
        Poll.until(5_000, () -> browser.text(card(odd)) != null, "the odd session's agent", () -> diagnostics(odd));
        JavascriptExecutor js = browser.driver;
        assertEquals(0L, js.executeScript("return document.querySelectorAll('main img, main script, main b').length"));
        assertEquals(null, js.executeScript("return window.pwned === undefined ? null : window.pwned"));
        assertTrue(
                browser.text(card(odd)).contains("<script>window.pwned=1</script><b>bold?</b>"),
                browser.text(card(odd)));
        assertTrue(browser.text("main").contains("<img src=x onerror=alert(1)>"), "the session's name as text");
        browser.viewport(360, 740, true);
        shot("web-phone.png");
        browser.viewport(1280, 800, false);
        shot("web-desktop.png");
        browser.viewport(360, 740, true);

        // A choice made for another prompt (the page's own answer call, as a tap on a stale screen): refused.
        js.executeScript("answer({pane: arguments[0], agent: 'claude'}, 2, '0123456789abcdef')", waiting);
        Poll.until(
                5_000,
                () -> String.valueOf(browser.text("#banner")).contains("The prompt changed"),
                "the page says the prompt changed",
                () -> diagnostics(waiting));
        assertTrue(!screen(waiting).contains("GOT:"), "nothing was sent: " + screen(waiting));
        browser.tap(card(waiting) + " button.choice[data-choice='2']", "2", () -> diagnostics(waiting));
        Poll.until(
                5_000,
                () -> screen(waiting).contains("GOT:" + hex("2")),
                "the fake Claude got exactly 2",
                () -> diagnostics(waiting));

        browser.tap(card(idle) + " button.reply-open", "Reply", () -> diagnostics(idle));
        String text = "ok; $(touch PWNED) 'q' \"d\" #{pane_id} ünï ✓";
        browser.typeReply(text, () -> diagnostics(idle));
        Poll.until(
                5_000,
                () -> screen(idle).replace("\n", "").contains("GOT:" + hex(text)),
                "the reply byte for byte",
                () -> diagnostics(idle));
        assertTrue(!Files.exists(tmp.resolve("PWNED")) && !Files.exists(Path.of("PWNED")), "nothing ran");
        assertTrue(daemon.diagnostics().contains("web: test phone answered 2 in " + waiting), daemon.diagnostics());
        assertTrue(daemon.diagnostics().contains("web: test phone replied to " + idle), daemon.diagnostics());

        DaemonProcess.Cli revoke = cli("web", "revoke", "test phone");
        assertEquals(0, revoke.exit(), revoke.output());
        Poll.until(
                5_000,
                () -> {
                    browser.driver.navigate().refresh();
                    return browser.page().contains("not paired");
                },
                "the revoked device refused",
                () -> diagnostics(waiting));
        assertEquals(0L, js.executeScript("return document.querySelectorAll('.agent').length"));
    }
}
