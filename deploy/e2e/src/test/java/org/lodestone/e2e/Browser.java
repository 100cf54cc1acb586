package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium (its own fresh profile, so its own Keycloak session) driven through Debian's
 * chromedriver: both come from the distribution's packages (deploy/e2e/scripts/ensure-chromium.sh), never from a
 * download of Selenium's. Screenshots go to {@code target/console-screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("lodestone.e2e.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("lodestone.e2e.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private final String name;
    private final List<String> severe = new ArrayList<>();

    Browser(String name, Path screenshots) {
        this.name = name;
        this.screenshots = screenshots;
        try {
            this.profile = Files.createTempDirectory("lodestone-chromium-");
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=en-GB");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Navigates inside the console (hash route) and waits until the view has rendered. */
    void route(String hash) {
        driver.executeScript("""
                document.getElementById('main').dataset.ready = '';
                if (window.location.hash === arguments[0]) {
                  window.dispatchEvent(new HashChangeEvent('hashchange'));
                } else {
                  window.location.hash = arguments[0];
                }""", hash);
        waitFor(By.cssSelector("main[data-ready='true']"));
    }

    /** The real Keycloak login page: the console redirects there and gets the code back (PKCE). */
    void logIn(String consoleUrl, String username) {
        driver.get(consoleUrl);
        waitFor(By.id("login")).click();
        WebElement user = waitFor(By.id("username"));
        assertTrue(driver.getCurrentUrl().contains("/realms/coalition/protocol/openid-connect/auth"),
                "expected Keycloak's login page, at " + driver.getCurrentUrl());
        assertTrue(driver.getCurrentUrl().contains("code_challenge_method=S256"), driver.getCurrentUrl());
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Keycloak.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), username));
        waitFor(By.cssSelector("main[data-ready='true']"));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Non-transparent pixels of the first canvas inside the element: 0 means ECharts painted nothing. */
    long paintedPixels(String cssSelector) {
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(script(
                "const c = document.querySelector(arguments[0] + ' canvas'); return !!c && c.width > 0;", cssSelector)));
        Object count = script("""
                const c = document.querySelector(arguments[0] + ' canvas');
                const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) n++; }
                return n;""", cssSelector);
        return ((Number) count).longValue();
    }

    Path screenshot(String file) {
        Path target = screenshots.resolve(file + ".png");
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Errors the page logged (console.error, uncaught exceptions, CSP violations, failed loads) since the last call. */
    List<String> drainErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(name + ": " + entry.getMessage());
            }
        }
        List<String> errors = List.copyOf(severe);
        severe.clear();
        return errors;
    }

    /** The browser's own version, as chromedriver reports it. */
    String version() {
        return CHROMIUM + " " + driver.getCapabilities().getBrowserVersion();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
