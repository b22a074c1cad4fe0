package dev.jwtflights.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
 * One headless Chromium with a profile of its own (so two of them are two different people), started from Debian's
 * binaries at fixed paths: Selenium Manager never runs, nothing is downloaded. Waits are explicit and bounded; no
 * test sleeps.
 */
public final class Browser implements AutoCloseable {

    /** The longest any page or element is waited for. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    private final String baseUrl;

    private final Path profile;

    private final ChromeDriver driver;

    private Browser(String baseUrl, Path profile, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.driver = driver;
    }

    /**
     * Starts a new browser, with an empty profile, for the application at {@code http://localhost:port}.
     */
    public static Browser open(int port) {
        Path profile;
        try {
            profile = Files.createTempDirectory("jwt-flights-chromium-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.binary().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--disable-quic", "--lang=en-US", "--window-size=1100,760", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Chromium.driver().toFile())
            .usingAnyFreePort()
            .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
            return new Browser("http://localhost:" + port, profile, driver);
        }
        catch (RuntimeException ex) {
            service.stop();
            deleteRecursively(profile);
            throw ex;
        }
    }

    public ChromeDriver driver() {
        return this.driver;
    }

    public String url(String path) {
        return this.baseUrl + path;
    }

    /** Opens a page of the application by its path. */
    public Browser open(String path) {
        this.driver.get(url(path));
        return this;
    }

    /** Reloads the current page. */
    public Browser reload() {
        this.driver.navigate().refresh();
        return this;
    }

    /** Signs in through the login page, as a person would. */
    public Browser signIn(String username, String password) {
        open("/login");
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(password);
        find(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
        waiting().until((driver) -> !url("/login").equals(driver.getCurrentUrl()));
        return this;
    }

    /** Waits (bounded) until the element is visible, then returns it. */
    public WebElement find(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public boolean isPresent(By by) {
        return !this.driver.findElements(by).isEmpty();
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(this.driver, TIMEOUT);
    }

    public String path() {
        String current = this.driver.getCurrentUrl();
        return (current != null && current.startsWith(this.baseUrl)) ? current.substring(this.baseUrl.length())
                : current;
    }

    public String title() {
        return this.driver.getTitle();
    }

    /** The value of one of the site's cookies, read through the driver (it sees HttpOnly ones too). */
    public String cookie(String name) {
        Cookie cookie = this.driver.manage().getCookieNamed(name);
        return (cookie != null) ? cookie.getValue() : null;
    }

    /** Puts a cookie back into the browser as the application would have set it. */
    /** The login session of this browser: the {@code sid} claim of its access-token cookie. */
    public String sessionId() {
        return (String) TestJwts.decodePart(cookie("accessToken"), 1).get("sid");
    }

    /** The text of the caption of the table with that id. */
    public String caption(String tableId) {
        return find(By.cssSelector("table#" + tableId + " caption")).getText();
    }

    /** The value of one attribute of every element the CSS selector finds, in page order. */
    public List<String> attributes(String cssSelector, String attribute) {
        return this.driver.findElements(By.cssSelector(cssSelector))
            .stream()
            .map((element) -> element.getAttribute(attribute))
            .toList();
    }

    /** The texts of the cells of a table row. */
    public static List<String> cellTexts(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    public void setCookie(String name, String value) {
        this.driver.manage().deleteCookieNamed(name);
        this.driver.manage()
            .addCookie(new Cookie.Builder(name, value).path("/").isHttpOnly(true).sameSite("Strict").build());
    }

    /** Saves a screenshot of the window as {@code <screenshots.dir>/<name>.png} (default {@code target/screenshots}). */
    public void screenshot(String name) {
        save(this.driver.getScreenshotAs(OutputType.FILE).toPath(), name);
    }

    /** Saves a screenshot of one element as {@code <screenshots.dir>/<name>.png}. */
    public void screenshot(WebElement element, String name) {
        save(((TakesScreenshot) element).getScreenshotAs(OutputType.FILE).toPath(), name);
    }

    /** The browser console's messages since the last call, e.g. Content-Security-Policy violations. */
    public List<String> consoleMessages() {
        return this.driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Runs a script in the page (WebDriver's scripts are not subject to the page's CSP). */
    @SuppressWarnings("unchecked")
    public <T> T script(String script, Object... args) {
        return (T) this.driver.executeScript(script, args);
    }

    public Map<String, Object> capabilities() {
        return this.driver.getCapabilities().asMap();
    }

    @Override
    public void close() {
        try {
            this.driver.quit();
        }
        finally {
            deleteRecursively(this.profile);
        }
    }

    private static void save(Path shot, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
        catch (IOException ex) {
            // A leftover temporary profile is not worth failing a test for.
        }
    }

}
