package io.agrilink.suite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's chromium, headless, with its own cookies, on a phone
 * ({@link #phone()}, 360 px, as the farmers and drivers have) or a desk ({@link #desktop()}),
 * Vietnamese first. It signs in at Keycloak as a demo user, waits for what a person would see,
 * and keeps screenshots under {@code target/screens/}.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String NOT_INSTALLED = "browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER
            + " are needed (apt-get install -y chromium chromium-driver; .ci/run installs them)";
    static final Path SCREENS = Path.of("target", "screens");
    public static final int PHONE_WIDTH = 360;

    private final WebDriver driver;
    private final boolean phone;
    private final String webUrl;
    private final String password;

    private Browser(boolean phone, String webUrl, String password) {
        this.phone = phone;
        this.webUrl = webUrl;
        this.password = password;
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                // as root chromium needs --no-sandbox
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage");
        if (phone) {
            // a real 360 px viewport (a headless window is never narrower than 500 px)
            options.setExperimentalOption("mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", PHONE_WIDTH, "height", 780, "pixelRatio", 1.0)));
        } else {
            options.addArguments("--window-size=1280,900");
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi,en"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static Browser phone() {
        return new Browser(true, null, null);
    }

    public static Browser desktop() {
        return new Browser(false, null, null);
    }

    /** A desk's browser on a suite other than {@link BrowserSuite}'s (a benchmark's). */
    public static Browser desktop(String webUrl, String demoPassword) {
        return new Browser(false, webUrl, demoPassword);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the web app ({@code /search?q=vai}). */
    public Browser open(String path) {
        driver.get((webUrl != null ? webUrl : BrowserSuite.suite().webUrl()) + path);
        return this;
    }

    /** From any page of the web app: the header's sign-in, Keycloak's form, and back where it started. */
    public Browser signIn(String username) {
        waitFor(By.linkText("Đăng nhập")).click();
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password != null ? password : BrowserSuite.demoPassword());
        driver.findElement(By.id("kc-login")).click();
        waitFor(By.xpath("//*[contains(@class,'who') and starts-with(normalize-space(), '" + username + "')]"));
        return this;
    }

    /** Waits (20 s at most) until the element is visible; if it never is, keeps the page beside the screenshots. */
    public WebElement waitFor(By what) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(what));
        } catch (RuntimeException e) {
            keepFailedPage();
            throw e;
        }
    }

    /** Waits until {@code element}'s text is {@code text}, without the page being reloaded. */
    public void waitForText(By element, String text, Duration timeout) {
        try {
            new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBe(element, text));
        } catch (RuntimeException e) {
            keepFailedPage();
            throw e;
        }
    }

    /** On a phone: nothing wider than the window, no sideways scrolling. */
    public void fitsThePhone() {
        assertTrue(phone, "a phone-sized browser");
        long scrollWidth = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth;");
        long windowWidth = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
        assertEquals(PHONE_WIDTH, windowWidth, "a phone-sized window");
        assertTrue(scrollWidth <= windowWidth, "page " + scrollWidth + " px wide in a " + windowWidth + " px window");
    }

    /** Saves what the screen shows as {@code target/screens/<name>.png}. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keepFailedPage() {
        try {
            String name = "failed-" + System.currentTimeMillis();
            screenshot(name);
            Files.writeString(SCREENS.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (RuntimeException | IOException ignored) {
            // the failure itself is what matters
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
