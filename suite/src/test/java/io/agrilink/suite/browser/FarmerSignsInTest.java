package io.agrilink.suite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

import io.agrilink.suite.Launcher;
import io.agrilink.suite.LocalSuite;
import io.agrilink.suite.e2e.RunningSuite;

/**
 * The web app in a real browser (Debian's chromium, headless) on a phone-sized window, over the
 * packaged suite with Keycloak and the demo data, as {@code ./agrilink up} runs it. Each step saves
 * a screenshot under {@code target/screens/}. Skipped, saying why, where chromium is not installed.
 */
class FarmerSignsInTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    // Keycloak 32080, the services 32081..32084, the web app 32085: clear of the other suites' ports
    // (e2e 28081.., launcher crash 29081.., benchmarks 30081.., Keycloak sign-in 31080..) and below
    // the kernel's ephemeral ports
    private static final int PORT_OFFSET = 24000;
    private static final Path SCREENS = Path.of("target", "screens");
    private static final int PHONE_WIDTH = 360;

    private static LocalSuite suite;
    private static WebDriver browser;

    @BeforeAll
    static void suiteAndBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed (apt-get install -y chromium chromium-driver)");
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Path data = Path.of("target", "browser-e2e").toAbsolutePath();
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path root = RunningSuite.copyOfPackagedServices(repository, data.resolve("apps"));
        suite = new LocalSuite(LocalSuite.Options.defaults(root, data).withPortOffset(PORT_OFFSET)
                .withIdentityProvider(true), line -> System.out.println("[browser-e2e] " + line));
        suite.checkPortsFree();
        try {
            suite.startDatabase();
            suite.startIdentityProvider();
            suite.startServices();
            suite.awaitIdentityProvider();
            Launcher.loadDemo(suite, line -> System.out.println("[browser-e2e] " + line));
            suite.startWebApp();
        } catch (Exception e) {
            suite.close();
            throw e;
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                // as root chromium needs --no-sandbox
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage");
        // the narrow phone the farmers have: a 360 px viewport (a headless window is never narrower than 500 px)
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", PHONE_WIDTH, "height", 780, "pixelRatio", 1.0)));
        // a Vietnamese phone: Accept-Language vi first
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi,en"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(driver, options);
        Files.createDirectories(SCREENS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void farmerSignsInFromHerPhoneComesBackToThePageAndSignsOut() throws IOException {
        String password = suite.identityProvider().secrets().demoPassword();

        browser.get(suite.webUrl() + "/search?q=vai+thieu");
        waitFor(By.xpath("//h1[normalize-space()='Tìm nông sản']"));
        assertTrue(browser.findElement(By.linkText("Vải thiều Lục Ngạn – loại đặc biệt")).isDisplayed(),
                "\"vai thieu\" finds Vải thiều");
        fitsThePhone();
        screenshot("01-search-vai-thieu");

        browser.findElement(By.linkText("Đăng nhập")).click();
        WebElement username = waitFor(By.id("username"));
        screenshot("02-keycloak-sign-in");
        username.sendKeys("farmer-lan");
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();

        waitFor(By.xpath("//*[contains(@class,'who') and normalize-space()='farmer-lan (nông dân)']"));
        assertTrue(browser.getCurrentUrl().startsWith(suite.webUrl() + "/search?q=vai"),
                "back on the page she signed in from: " + browser.getCurrentUrl());
        assertEquals(0, browser.findElements(By.linkText("Đăng nhập")).size(), "no sign-in link once signed in");
        fitsThePhone();
        screenshot("03-signed-in");

        browser.findElement(By.xpath("//button[normalize-space()='Đăng xuất']")).click();
        waitFor(By.linkText("Đăng nhập"));
        assertEquals(0, browser.findElements(By.xpath("//*[contains(@class,'who')]")).size(), "no one signed in");
        screenshot("04-signed-out");
    }

    /** Waits for an element; when it never comes, the page as it was is kept beside the screenshots. */
    private WebElement waitFor(By what) throws IOException {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(what));
        } catch (RuntimeException e) {
            screenshot("failed");
            Files.writeString(SCREENS.resolve("failed.html"), browser.getCurrentUrl() + "\n" + browser.getPageSource());
            throw e;
        }
    }

    /** Nothing wider than the window: no sideways scrolling on a 360 px phone. */
    private void fitsThePhone() {
        long scrollWidth = (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth;");
        long windowWidth = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
        assertEquals(PHONE_WIDTH, windowWidth, "a phone-sized window");
        assertTrue(scrollWidth <= windowWidth, "page " + scrollWidth + " px wide in a " + windowWidth + " px window");
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
