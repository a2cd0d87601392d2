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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

/**
 * The statistics page in Chromium: a prosecutor opens #/stats and sees the figures as ECharts charts holding the
 * API's numbers, cards and tables, a range that empties them without "null" or "NaN", and the workbook link.
 */
@ExtendWith(BrowserExtension.class)
class StatsBrowserTest {

    private static TestCity city;
    private static Browser browser;

    @Test
    void aProsecutorSeesTheFiguresAsChartsAndTablesAndCanNarrowTheDays() {
        browser.logIn(Role.PROSECUTOR);
        assertThat(browser.driver().findElement(By.id("nav-stats")).isDisplayed()).isTrue();
        JsonNode json = city.http.get("/api/stats").json();
        browser.visit("/#/stats");

        List<Long> byModel = seriesData("stats-by-model", 0);
        assertThat(byModel).hasSize(json.get("leadsByModel").size());
        assertThat(byModel.stream().mapToLong(Long::longValue).sum()).isEqualTo(json.get("leads").asLong()).isPositive();
        assertThat(seriesData("stats-outcomes", 0)).hasSize(5);
        assertThat(seriesCount("stats-by-month")).isEqualTo(json.get("leadsByModel").size());
        assertThat(seriesData("stats-by-rule", 0)).hasSize(json.get("leadsByRule").size());
        assertThat(browser.driver().findElements(By.cssSelector("#stats-by-model canvas"))).isNotEmpty();
        assertThat(browser.driver().findElement(By.id("stats-headline")).getText()).contains("系统推送线索")
                .contains(json.get("leads").asText()).contains("督促监护令");
        assertThat(browser.driver().findElement(By.id("stats-orders")).getText()).contains("发出").contains("监护人确认收到");
        assertThat(browser.driver().findElement(By.id("stats-classes")).getText()).contains("已授课");
        String href = browser.driver().findElement(By.id("stats-xlsx")).getAttribute("href");
        assertThat(href).endsWith("/api/stats.xlsx");
        Object status = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')), e => done(String(e)));", href);
        assertThat(String.valueOf(status)).startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        browser.screenshot("stats");

        // A range with nothing in it: zeros everywhere, and never a "null", "undefined" or "NaN".
        // Typed date order depends on the browser's locale; the value itself is ISO.
        browser.js("document.getElementById('stats-from').value = '2000-01-01';"
                + "document.getElementById('stats-to').value = '2000-12-31';");
        browser.driver().findElement(By.id("stats-apply")).click();
        browser.awaitReady("#/stats?from=2000-01-01&to=2000-12-31");
        browser.check("the statistics of an empty range");
        assertThat(seriesData("stats-by-model", 0)).allMatch(n -> n == 0);
        assertThat(browser.driver().findElement(By.id("stats-period")).getText()).contains("2000-01-01").contains("2000-12-31");
        assertThat(browser.driver().findElement(By.id("stats-xlsx")).getAttribute("href")).endsWith("/api/stats.xlsx?from=2000-01-01&to=2000-12-31");
        browser.screenshot("stats-empty-range");
    }

    @Test
    void analystsHaveThePageGuardiansNeitherTheLinkNorTheFigures() {
        browser.logIn(Role.ANALYST);
        assertThat(browser.driver().findElement(By.id("nav-stats")).isDisplayed()).isTrue();
        browser.visit("/#/stats");
        assertThat(seriesData("stats-by-model", 0)).isNotEmpty();
        browser.logIn(Role.GUARDIAN);
        assertThat(browser.driver().findElement(By.id("nav-stats")).isDisplayed()).isFalse();
        // Typed in by hand, the page is not opened for a guardian: it asks the API nothing and says so.
        browser.driver().get(city.base() + "/#/stats");
        browser.awaitReady("#/stats");
        assertThat(browser.driver().findElement(By.id("view")).getText()).contains("此页面不在您的工作范围内")
                .doesNotContain("系统推送线索");
        assertThat(browser.answers()).noneMatch(a -> a.path().startsWith("/api/stats") || a.status() >= 400);
        browser.check("the statistics page not opened for a guardian");
    }

    /** The values of one series of the ECharts chart in the element with this id. */
    private static List<Long> seriesData(String id, int series) {
        Object data = browser.js("""
                const c = window.echarts && echarts.getInstanceByDom(document.getElementById(arguments[0]));
                if (!c) { return null; }
                return c.getOption().series[arguments[1]].data.map(d => typeof d === 'object' ? d.value : d);
                """, id, series);
        assertThat(data).as("an ECharts chart in #" + id).isNotNull();
        return ((List<?>) data).stream().map(v -> ((Number) v).longValue()).toList();
    }

    private static long seriesCount(String id) {
        Object n = browser.js(
                "const c = window.echarts && echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                        + "return c ? c.getOption().series.length : -1;", id);
        return ((Number) n).longValue();
    }
}
