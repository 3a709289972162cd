package dev.muxbar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web view in a real browser (Debian's chromium and chromedriver, driven by Selenium): a person
 * pairs a phone with the one-time link, sees a fake Claude go waiting with its choices, taps "2" — the
 * agent gets exactly that key —, types a reply that arrives byte for byte, and is refused once the
 * device is revoked. Text from agents and sessions stays text. Screenshots at 360×740 and 1280×800
 * (into {@code -Dweb.shots=DIR}, default target/web-shots; scripts/screenshots-web puts them in docs/).
 */
class WebIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private TmuxServer tmux;
    private DaemonProcess daemon;
    private ChromeDriver browser;

    static boolean browserHere() {
        boolean here = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!here && "1".equals(System.getenv("MUXBAR_BROWSER"))) {
            throw new AssertionError("MUXBAR_BROWSER=1 but no " + CHROMIUM + " or " + DRIVER
                    + " (apt-get install chromium chromium-driver)");
        }
        return here;
    }

    static ChromeDriver browser(int width, int height) {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DRIVER.toFile())
                        .build(),
                o);
    }

    @BeforeEach
    void start() throws Exception {
        assumeTrue(browserHere(), "no chromium and chromedriver here");
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
            browser.quit();
        }
        cleanup.close();
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private String fakeAgent(String session, String env) {
        Path fake = Path.of(System.getProperty("muxbar.root"), "app/src/test/resources/fake-agents/claude");
        return tmux.tmux(
                        "new-window",
                        "-d",
                        "-P",
                        "-F",
                        "#{pane_id}",
                        "-t",
                        session + ":",
                        (env == null ? "" : "export " + env + "; ") + "exec bash -c 'exec -a claude /bin/sh " + fake
                                + "'")
                .strip();
    }

    private DaemonProcess.Cli cli(String... args) throws Exception {
        return DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, args);
    }

    private String screen(String pane) {
        return tmux.tmux("capture-pane", "-p", "-t", pane);
    }

    private String diagnostics(String pane) {
        String page;
        try {
            page = browser == null
                    ? ""
                    : browser.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            page = e.toString();
        }
        return "page:\n" + page + "\nscreen of " + pane + ":\n" + screen(pane) + "\n" + daemon.diagnostics();
    }

    /** The page redraws on every event: read it in one script, so nothing goes stale between two steps. */
    private String text(String css) {
        Object t = ((JavascriptExecutor) browser)
                .executeScript("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
        return t == null ? null : t.toString();
    }

    private static String card(String pane) {
        return ".agent[data-pane='" + pane + "']";
    }

    /** A real click on what {@code css} finds; found again when a redraw replaced it meanwhile (a person taps again). */
    private void tap(String css, String what) {
        Poll.until(
                5_000,
                () -> {
                    try {
                        List<WebElement> found = browser.findElements(By.cssSelector(css));
                        if (found.isEmpty()) {
                            return false;
                        }
                        found.get(0).click();
                        return true;
                    } catch (org.openqa.selenium.StaleElementReferenceException e) {
                        return false;
                    }
                },
                what + " tapped",
                () -> diagnostics(""));
    }

    private void viewport(int width, int height, boolean mobile) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    private void shot(String name) throws java.io.IOException {
        Path dir = Path.of(System.getProperty("web.shots", "target/web-shots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aPairedPhoneSeesAWaitingAgentAnswersItRepliesAndIsRefusedOnceRevoked() throws Exception {
        int port = freePort();
        DaemonProcess.Cli on = cli("web", "on", "--listen", "127.0.0.1:" + port);
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
        DaemonProcess.Cli pair = cli("web", "pair", "--name", "test phone");
        assertEquals(0, pair.exit(), pair.output());
        String url = pair.output()
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("http://"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(pair.output()));
        assertTrue(pair.output().contains("▀") || pair.output().contains("█"), "a QR code: " + pair.output());

        browser = browser(360, 740);
        browser.get(url);
        Poll.until(15_000, () -> text(card(idle)) != null, "the page, live (the idle agent)", () -> diagnostics(idle));
        // Now an agent starts and asks: the open page shows it through the event stream, no reload.
        String waiting = fakeAgent("act", null);
        Poll.until(
                15_000,
                () -> text(card(waiting) + " button.choice[data-choice='2']") != null,
                "the waiting agent and its choices on the page",
                () -> diagnostics(waiting));
        assertTrue(text(card(waiting)).contains("Yes, and don't ask again"), text(card(waiting)));
        Poll.until(5_000, () -> text(card(odd)) != null, "the odd session's agent", () -> diagnostics(odd));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertEquals(0L, js.executeScript("return document.querySelectorAll('main img, main script, main b').length"));
        assertEquals(null, js.executeScript("return window.pwned === undefined ? null : window.pwned"));
        assertTrue(text(card(odd)).contains("<script>window.pwned=1</script><b>bold?</b>"), text(card(odd)));
        assertTrue(text("main").contains("<img src=x onerror=alert(1)>"), "the session's name as text");
        viewport(360, 740, true); // headless Chromium's windows are at least 500 wide: emulate the phone
        shot("web-phone.png");
        viewport(1280, 800, false);
        shot("web-desktop.png");
        viewport(360, 740, true);

        // A choice made for another prompt (the page's own answer call, as a tap on a stale screen): refused.
        js.executeScript("answer({pane: arguments[0], agent: 'claude'}, 2, '0123456789abcdef')", waiting);
        Poll.until(
                5_000,
                () -> String.valueOf(text("#banner")).contains("The prompt changed"),
                "the page says the prompt changed",
                () -> diagnostics(waiting));
        assertTrue(!screen(waiting).contains("GOT:"), "nothing was sent: " + screen(waiting));
        tap(card(waiting) + " button.choice[data-choice='2']", "2");
        Poll.until(
                5_000,
                () -> screen(waiting).contains("GOT:" + hex("2")),
                "the fake Claude got exactly 2",
                () -> diagnostics(waiting));

        Poll.until(5_000, () -> text(card(idle)) != null, "the idle agent", () -> diagnostics(idle));
        tap(card(idle) + " button.reply-open", "Reply");
        Poll.until(
                5_000,
                () -> "INPUT".equals(js.executeScript("return document.activeElement.tagName")),
                "the reply box focused (the page holds its redraws while it is)",
                () -> diagnostics(idle));
        String text = "ok; $(touch PWNED) 'q' \"d\" #{pane_id} ünï ✓";
        browser.switchTo().activeElement().sendKeys(text + "\n");
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
                    browser.navigate().refresh();
                    return browser.findElement(By.tagName("body")).getText().contains("not paired");
                },
                "the revoked device refused",
                () -> diagnostics(waiting));
        assertEquals(0L, js.executeScript("return document.querySelectorAll('.agent').length"));
    }
}
