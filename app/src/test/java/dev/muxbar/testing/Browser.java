package dev.muxbar.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium and chromedriver) for the web view's tests, and the ways a
 * person uses a page that redraws on every event: read it in one script (nothing goes stale between two
 * steps), tap again what a redraw replaced. Without the browser a test is skipped — unless
 * {@code MUXBAR_BROWSER=1} (CI), where that is a failure.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    public final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Whether the browser is here (throws when CI says it must be). */
    public static boolean here() {
        boolean here = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!here && "1".equals(System.getenv("MUXBAR_BROWSER"))) {
            throw new AssertionError("MUXBAR_BROWSER=1 but no " + CHROMIUM + " or " + DRIVER
                    + " (apt-get install chromium chromium-driver)");
        }
        return here;
    }

    public static Browser start(int width, int height) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        return new Browser(new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DRIVER.toFile())
                        .build(),
                o));
    }

    /** A free port on 127.0.0.1 for the web view. */
    public static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The one-time link {@code muxbar web pair} printed (under its QR code). */
    public static String pairLink(DaemonProcess.Cli pair) {
        if (pair.exit() != 0 || !(pair.output().contains("▀") || pair.output().contains("█"))) {
            throw new AssertionError("muxbar web pair: no link under a QR code: " + pair.output());
        }
        return pair.output()
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("http://") || l.startsWith("https://"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(pair.output()));
    }

    /** The text of what {@code css} finds, or null. */
    public String text(String css) {
        Object t = ((JavascriptExecutor) driver)
                .executeScript("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
        return t == null ? null : t.toString();
    }

    /** A real click on what {@code css} finds, found again when a redraw replaced it meanwhile. */
    public void tap(String css, String what, Supplier<String> diagnostics) {
        Poll.until(
                5_000,
                () -> {
                    try {
                        List<WebElement> found = driver.findElements(By.cssSelector(css));
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
                diagnostics);
    }

    /** Types {@code text} and Enter into the reply box a tap on Reply focused. */
    public void typeReply(String text, Supplier<String> diagnostics) {
        Poll.until(
                5_000,
                () -> "INPUT"
                        .equals(((JavascriptExecutor) driver).executeScript("return document.activeElement.tagName")),
                "the reply box focused (the page holds its redraws while it is)",
                diagnostics);
        driver.switchTo().activeElement().sendKeys(text + "\n");
    }

    /** The viewport of a device of that size (headless windows are at least 500 wide). */
    public void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** The page's text, for a failure's message. */
    public String page() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
