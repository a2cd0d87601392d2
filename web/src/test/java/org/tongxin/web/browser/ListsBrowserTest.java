package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;

/**
 * The lists in Chromium: the lead list names each lead's subject (对象) — in full for a prosecutor and an analyst
 * alike, as the explorer shows it — and downloads as a workbook with the filters on show; the audit log filters by day, user and action and
 * downloads the same entries.
 */
@ExtendWith(BrowserExtension.class)
class ListsBrowserTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static TestCity city;
    private static Browser b;

    @Test
    void aProsecutorSeesWhomEachLeadIsAboutAndDownloadsTheFilteredList() throws Exception {
        b.logIn(Role.PROSECUTOR);
        b.visit("/#/leads");
        JsonNode api = city.http.get("/api/leads?page=1&size=50").json();
        List<String> headers = b.driver().findElements(By.cssSelector("#lead-table th")).stream().map(WebElement::getText).toList();
        assertThat(headers).containsExactly("等级", "模型", "规则", "对象", "摘要", "状态", "发现时间");
        List<String> shown = subjectNames();
        assertThat(shown).hasSize(api.get("items").size()).allMatch(s -> !s.isBlank());
        List<String> expected = new ArrayList<>();
        api.get("items").forEach(i -> expected.add(i.get("subject").get("name").asText()));
        assertThat(shown).containsExactlyElementsOf(expected);
        assertThat(shown).noneMatch(s -> s.contains("*") && !s.matches(".*\\d.*"));
        assertThat(b.driver().findElement(By.id("lead-table")).getText()).doesNotContain("guardianship:").doesNotContain("venue:");
        assertThat(b.driver().findElement(By.id("leads-xlsx")).getAttribute("href")).endsWith("/api/leads.xlsx");

        // Narrow the list as a user would, then download it: the link carries the filters on show.
        new Select(b.driver().findElement(By.id("f-model"))).selectByValue("guardianship");
        new Select(b.driver().findElement(By.id("f-severity"))).selectByValue("red");
        b.click("#apply-filters");
        b.awaitReady("#/leads?model=guardianship&severity=red");
        b.check("the lead list narrowed to red guardianship leads");
        String href = b.driver().findElement(By.id("leads-xlsx")).getAttribute("href");
        assertThat(href).endsWith("/api/leads.xlsx?model=guardianship&severity=red");
        Browser.Download d = b.download(href);
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.type()).startsWith(XLSX);
        assertThat(d.disposition()).contains("filename*=UTF-8''");
        List<List<String>> rows = Workbooks.rows(d.body(), "等级");
        JsonNode narrowed = city.http.get("/api/leads?model=guardianship&severity=red&size=200").json();
        assertThat((long) rows.size()).isEqualTo(narrowed.get("total").asLong()).isPositive();
        List<String> refs = new ArrayList<>();
        narrowed.get("items").forEach(i -> refs.add(i.get("ref").asText()));
        assertThat(rows.stream().map(r -> r.get(7)).toList().subList(0, refs.size())).containsExactlyElementsOf(refs);
        assertThat(rows).allMatch(r -> r.get(0).equals("红") && !r.get(3).isBlank());
        b.check("the lead list after its download");
    }

    @Test
    void anAnalystReadsTheSubjectsAsTheExplorerShowsThem() throws Exception {
        b.logIn(Role.ANALYST);
        b.visit("/#/leads?model=guardianship");
        List<String> shown = subjectNames();
        assertThat(shown).isNotEmpty().noneMatch(s -> s.contains("*"));
        List<String> full = new ArrayList<>();
        city.http.get("/api/leads?model=guardianship&page=1&size=50").json().get("items")
                .forEach(i -> full.add(i.get("subject").get("name").asText()));
        assertThat(shown).containsExactlyElementsOf(full);
        b.check("the analyst's lead list");

        // What the analyst downloads names only the family name.
        Browser.Download d = b.download(b.driver().findElement(By.id("leads-xlsx")).getAttribute("href"));
        assertThat(d.status()).isEqualTo(200);
        List<String> exported = Workbooks.rows(d.body(), "等级").stream().map(r -> r.get(3)).toList().subList(0, shown.size());
        for (int i = 0; i < shown.size(); i++) {
            String name = shown.get(i);
            assertThat(exported.get(i)).isEqualTo(name.substring(0, 1) + "*".repeat(Math.min(2, name.length() - 1)) + "（人员）");
        }

        // Nor does the lead's graph offer its picture for download.
        String ref = b.driver().findElement(By.cssSelector("#lead-table tbody tr.lead-row")).getAttribute("data-ref");
        b.click("#lead-table tbody tr.lead-row");
        b.awaitReady("#/lead/" + ref);
        assertThat(b.driver().findElements(By.id("graph-fit"))).hasSize(1);
        assertThat(b.driver().findElements(By.id("graph-png"))).isEmpty();
        assertThat(b.driver().findElements(By.id("graph-svg"))).isEmpty();
        b.check("the analyst's lead page");
    }

    @Test
    void aProsecutorFiltersTheAuditLogAndDownloadsIt() throws Exception {
        b.logIn(Role.PROSECUTOR);
        b.visit("/#/leads?model=school-bus");
        // A download to find in the log afterwards.
        assertThat(b.download(b.driver().findElement(By.id("leads-xlsx")).getAttribute("href")).status()).isEqualTo(200);
        b.check("the school-bus leads after their download");

        b.click("#nav-audit");
        b.awaitReady("#/audit");
        // The entries' roles and actions are shown as codes until the audit page names them (another change): the
        // English-word guard is run on the filtered pages below, not on this one.
        assertThat(b.driver().findElement(By.id("audit-xlsx")).getAttribute("href")).endsWith("/api/audit.xlsx");
        b.js("document.getElementById('audit-from').value = '2000-01-01';"
                + "document.getElementById('audit-to').value = '2000-12-31';");
        b.click("#audit-apply");
        b.awaitReady("#/audit?from=2000-01-01&to=2000-12-31");
        b.check("the audit log of a year without entries");
        assertThat(b.driver().findElements(By.cssSelector("#audit-table tbody tr"))).isEmpty();
        String empty = b.driver().findElement(By.id("audit-xlsx")).getAttribute("href");
        assertThat(empty).endsWith("/api/audit.xlsx?from=2000-01-01&to=2000-12-31");
        Browser.Download none = b.download(empty);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.type()).startsWith(XLSX);
        assertThat(Workbooks.rows(none.body(), "序号")).isEmpty();
        b.check("the audit log after downloading an empty year");

        b.js("document.getElementById('audit-from').value = ''; document.getElementById('audit-to').value = '';");
        b.driver().findElement(By.id("audit-user")).sendKeys(city.users.get(Role.PROSECUTOR)[0]);
        new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("audit-action"))).selectByVisibleText("导出线索清单");
        b.click("#audit-apply");
        b.awaitReady("#/audit?user=" + city.users.get(Role.PROSECUTOR)[0] + "&action=lead.export");
        assertThat(b.driver().findElement(By.id("audit-table")).getText()).contains("导出线索清单").doesNotContain("lead.export");
        String href = b.driver().findElement(By.id("audit-xlsx")).getAttribute("href");
        assertThat(href).endsWith("/api/audit.xlsx?user=" + city.users.get(Role.PROSECUTOR)[0] + "&action=lead.export");
        Browser.Download d = b.download(href);
        assertThat(d.status()).isEqualTo(200);
        List<List<String>> rows = Workbooks.rows(d.body(), "序号");
        assertThat(rows).isNotEmpty().allMatch(r -> r.get(2).equals(city.users.get(Role.PROSECUTOR)[0])
                && r.get(3).equals("检察官") && r.get(4).equals("导出线索清单"));
        assertThat(rows.get(0).get(7)).contains("校车");
    }

    /** The subject names of the lead rows on show. */
    private static List<String> subjectNames() {
        return b.driver().findElements(By.cssSelector("#lead-table tbody td.subject .subject-name")).stream()
                .map(WebElement::getText).toList();
    }

}
