package app.hindsight.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every desk test in Chromium shares: Debian's Chromium (never one a tool downloads) launched once per class and
 * skipped, saying why, where there is none; a tab per test on the app's address; and no script error or CSP refusal
 * on any page, checked as each tab closes.
 */
abstract class DeskBrowsing {

    /** Where Debian puts Chromium ({@code apt-get install chromium}); {@code -Dtest.chromium} moves it. */
    static final Path CHROMIUM = Path.of(System.getProperty("test.chromium", "/usr/bin/chromium"));

    static final Path SCREENSHOTS = Path.of("target", "desk");

    private static Playwright playwright;
    private static Browser browser;
    private static String skipped;

    @TestHTTPResource("/")
    URL root;

    protected BrowserContext context;
    protected Page page;
    /** Script errors and Content-Security-Policy refusals: a desk page must cause none. */
    private final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            skipped = "Desk browser tests skipped: no Chromium at " + CHROMIUM
                    + " (apt-get install chromium, or -Dtest.chromium=<path>)";
            System.out.println(skipped);
            return;
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = launch(playwright);
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    /** Debian's Chromium, headless, as every desk browser test launches it. */
    static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        // Root in a container needs --no-sandbox; the rest keep Chromium off the network, which
                        // here is closed and would be tried at every start.
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** A tab's context as every desk browser test opens one: the app's address, a desktop viewport, English. */
    static BrowserContext newContext(Browser browser, String baseUrl) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(1280, 900)
                .setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** A page whose script errors and CSP refusals are collected in {@code errors}, which a test expects empty. */
    static Page watchedPage(BrowserContext context, List<String> errors) {
        Page page = context.newPage();
        page.onPageError(error -> errors.add("page error: " + error));
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                errors.add("console: " + message.text());
            }
        });
        return page;
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openTab() throws Exception {
        Assumptions.assumeTrue(browser != null, skipped);
        Files.createDirectories(SCREENSHOTS);
        context = newContext(browser, root.toString());
        page = watchedPage(context, pageErrors);
    }

    @AfterEach
    void closeTab() {
        if (context != null) {
            context.close();
            assertEquals(List.of(), pageErrors);
        }
    }
}
