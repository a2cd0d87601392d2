package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;
import org.tongxin.web.server.WebServer;

/**
 * The statistics page in Chromium: a prosecutor opens #/stats and sees the figures as ECharts charts holding the
 * API's numbers, cards and tables, a range that empties them without "null" or "NaN", and the workbook link.
 */
class StatsBrowserTest {

    private static TestCity city;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Path screenshots;

    @BeforeAll
    static void start() throws Exception {
        city = TestCity.get(WebServer.WEB_ROOT);
        screenshots = Files.createDirectories(Path.of("target", "screenshots")).toAbsolutePath();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1440,1000", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("tongxin-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aProsecutorSeesTheFiguresAsChartsAndTablesAndCanNarrowTheDays() {
        logIn(Role.PROSECUTOR);
        assertThat(browser.findElement(By.id("nav-stats")).isDisplayed()).isTrue();
        JsonNode json = city.http.get("/api/stats").json();
        open("/#/stats");

        List<Long> byModel = seriesData("stats-by-model", 0);
        assertThat(byModel).hasSize(json.get("leadsByModel").size());
        assertThat(byModel.stream().mapToLong(Long::longValue).sum()).isEqualTo(json.get("leads").asLong()).isPositive();
        assertThat(seriesData("stats-outcomes", 0)).hasSize(5);
        assertThat(seriesCount("stats-by-month")).isEqualTo(json.get("leadsByModel").size());
        assertThat(seriesData("stats-by-rule", 0)).hasSize(json.get("leadsByRule").size());
        assertThat(browser.findElements(By.cssSelector("#stats-by-model canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("stats-headline")).getText()).contains("系统推送线索")
                .contains(json.get("leads").asText()).contains("督促监护令");
        assertThat(browser.findElement(By.id("stats-orders")).getText()).contains("发出").contains("监护人确认收到");
        assertThat(browser.findElement(By.id("stats-classes")).getText()).contains("已授课");
        String href = browser.findElement(By.id("stats-xlsx")).getAttribute("href");
        assertThat(href).endsWith("/api/stats.xlsx");
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')), e => done(String(e)));", href);
        assertThat(String.valueOf(status)).startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        screenshot("stats");

        // A range with nothing in it: zeros everywhere, and never a "null", "undefined" or "NaN".
        // Typed date order depends on the browser's locale; the value itself is ISO.
        ((JavascriptExecutor) browser).executeScript("document.getElementById('stats-from').value = '2000-01-01';"
                + "document.getElementById('stats-to').value = '2000-12-31';");
        browser.findElement(By.id("stats-apply")).click();
        wait.until(d -> "#/stats?from=2000-01-01&to=2000-12-31".equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")));
        assertClean("the statistics of an empty range");
        assertThat(seriesData("stats-by-model", 0)).allMatch(n -> n == 0);
        assertThat(browser.findElement(By.id("stats-period")).getText()).contains("2000-01-01").contains("2000-12-31");
        assertThat(browser.findElement(By.id("stats-xlsx")).getAttribute("href")).endsWith("/api/stats.xlsx?from=2000-01-01&to=2000-12-31");
        screenshot("stats-empty-range");
    }

    @Test
    void analystsHaveThePageGuardiansNeitherTheLinkNorTheFigures() {
        logIn(Role.ANALYST);
        assertThat(browser.findElement(By.id("nav-stats")).isDisplayed()).isTrue();
        open("/#/stats");
        assertThat(seriesData("stats-by-model", 0)).isNotEmpty();
        logIn(Role.GUARDIAN);
        assertThat(browser.findElement(By.id("nav-stats")).isDisplayed()).isFalse();
        browser.get(city.base() + "/#/stats");
        wait.until(d -> "#/stats".equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")));
        assertThat(browser.findElement(By.id("view")).getText()).contains("统计").doesNotContain("系统推送线索");
        assertThat(browser.findElements(By.cssSelector("#view .error"))).isNotEmpty();
        assertClean("the statistics page refused to a guardian");
    }

    /** The values of one series of the ECharts chart in the element with this id. */
    private static List<Long> seriesData(String id, int series) {
        Object data = ((JavascriptExecutor) browser).executeScript("""
                const c = window.echarts && echarts.getInstanceByDom(document.getElementById(arguments[0]));
                if (!c) { return null; }
                return c.getOption().series[arguments[1]].data.map(d => typeof d === 'object' ? d.value : d);
                """, id, series);
        assertThat(data).as("an ECharts chart in #" + id).isNotNull();
        return ((List<?>) data).stream().map(v -> ((Number) v).longValue()).toList();
    }

    private static long seriesCount(String id) {
        Object n = ((JavascriptExecutor) browser).executeScript(
                "const c = window.echarts && echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                        + "return c ? c.getOption().series.length : -1;", id);
        return ((Number) n).longValue();
    }

    private static void logIn(Role role) {
        browser.get(city.base() + "/#/login");
        WebElement user = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-user")));
        user.clear();
        user.sendKeys(city.users.get(role)[0]);
        browser.findElement(By.id("login-password")).clear();
        browser.findElement(By.id("login-password")).sendKeys(city.users.get(role)[1]);
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), city.users.get(role)[0]));
        wait.until(d -> {
            Object ready = ((JavascriptExecutor) d).executeScript("return document.body.dataset.ready");
            return ready != null && !"#/login".equals(ready);
        });
        assertClean("the start page of " + role);
    }

    private static void open(String path) {
        browser.get(city.base() + path);
        wait.until(d -> path.substring(1).equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")));
        assertClean(path);
    }

    /** As WebViewBrowserTest's guard: no "null", "undefined", "NaN", "[object" shown, no console error but API refusals. */
    private static void assertClean(String where) {
        String text = (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
        assertThat(text).as("visible text of " + where)
                .doesNotContain("null").doesNotContain("undefined").doesNotContain("NaN").doesNotContain("[object");
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !WebViewBrowserTest.API_REFUSAL.matcher(m).find())
                .toList();
        assertThat(errors).as("console errors on " + where).isEmpty();
    }

    private static void screenshot(String name) {
        try {
            Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
