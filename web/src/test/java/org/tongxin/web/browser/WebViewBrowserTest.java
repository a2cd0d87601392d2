package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Session;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;

/**
 * The web view in Debian's Chromium, driven by /usr/bin/chromedriver: a prosecutor lists leads, opens one, reads
 * the rule and its article, sees an evidence row's original source row, explores the graph, runs a Cypher query,
 * downloads the SVG; data carrying script stays text. Every page passes {@link Browser#check}'s guards.
 */
@ExtendWith(BrowserExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebViewBrowserTest {

    static final String XSS_NAME = "<img src=x onerror=alert(1)>";
    static final String XSS_VENUE = "<script>window.pwned=1</script>网咖";
    private static TestCity city;
    private static Browser b;
    private static String xssLeadRef;

    @BeforeAll
    static void start() {
        plantScriptPayloads();
        b.logIn(Role.PROSECUTOR);
    }

    /** As if a department had sent them: a person and a venue named with script, a workflow note with script. */
    private static void plantScriptPayloads() {
        try (Session s = city.store.driver().session()) {
            String key = s.run("MATCH (l:Lead {model: 'guardianship'}) RETURN l.key AS k ORDER BY k LIMIT 1").single().get("k").asString();
            String id = key.substring(key.indexOf(':') + 1);
            s.run("MATCH (p:Person {id: $id}) SET p.name = $name", Map.of("id", id, "name", XSS_NAME)).consume();
            s.run("MATCH (v:Venue) WITH v ORDER BY v.code LIMIT 1 SET v.name = $name", Map.of("name", XSS_VENUE)).consume();
            xssLeadRef = LeadStore.ref(key);
        }
        city.services.search().rebuild();
        city.http.post("/api/leads/" + xssLeadRef + "/status",
                Map.of("to", "reviewing", "note", "<svg onload=alert(2)><b>核查中</b>"));
    }

    @Test
    @Order(0)
    void aWrongPasswordIsRefusedOnTheLoginPage() {
        b.driver().findElement(By.id("logout")).click();
        WebElement user = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("login-user")));
        user.sendKeys(city.users.get(Role.ANALYST)[0]);
        b.driver().findElement(By.id("login-password")).sendKeys("not-the-password");
        b.driver().findElement(By.id("login-button")).click();
        WebElement error = b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#login-form .error")));
        assertThat(error.getText()).contains("用户名或密码错误");
        // Logged out, the page asks whether a session exists; the wrong password is refused: both provoked here.
        b.expect(401, "/api/me").expect(401, "/api/login").checkAllExpectedCame("the login page refusing a wrong password");
        b.screenshot("login");
        b.logIn(Role.PROSECUTOR);
    }

    @Test
    @Order(1)
    void theWorkbenchListsTheLeadsWithCountsPerModel() {
        b.visit("/#/leads");
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".lead-row")));
        JsonNode api = city.http.get("/api/leads?size=50").json();
        assertThat(b.driver().findElement(By.id("lead-total")).getText()).isEqualTo(api.get("total").asText());
        assertThat(b.driver().findElements(By.cssSelector(".lead-row"))).hasSize(api.get("items").size());
        assertThat(b.driver().findElements(By.cssSelector("#model-counts [data-model]"))).hasSize(6);
        b.screenshot("leads");
        b.driver().findElement(By.cssSelector("[data-model='venue']")).click();
        // The old rows stay until the new page is drawn: wait for the page to say it is ready with the filter.
        b.await().until(d -> String.valueOf(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")).contains("model=venue"));
        b.check("the venue leads");
        assertThat(b.driver().findElements(By.cssSelector(".lead-row")).size())
                .isEqualTo(Math.min(50, city.http.get("/api/leads?model=venue").json().get("total").asInt()));
    }

    @Test
    @Order(2)
    void aLeadShowsTheRuleItsArticleAndTheOriginalRowOfAnEvidenceRecord() {
        b.visit("/#/leads?model=guardianship");
        b.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".lead-row"))).click();
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("lead-summary")));
        assertThat(b.driver().findElements(By.cssSelector("[data-testid='article']"))).isNotEmpty();
        assertThat(b.driver().findElement(By.cssSelector("[data-testid='article']")).getText()).contains("第一百一十八条");
        b.driver().findElement(By.cssSelector(".evidence-row")).click();
        WebElement source = b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='source-row']")));
        assertThat(source.getText()).contains("原始数据行").contains("行号");
        b.await().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.querySelector('#lead-graph canvas') !== null"));
        b.check("a guardianship lead");
        b.screenshot("lead");
    }

    @Test
    @Order(3)
    void theExplorerFindsAPersonExpandsTheNeighboursAndShowsWhereAValueCameFrom() {
        String name;
        try (Session s = city.store.driver().session()) {
            name = s.run("MATCH (p:Person)-[:MEMBER_OF]->() WHERE size(p.name) = 3 RETURN p.name AS n ORDER BY p.id LIMIT 1")
                    .single().get("n").asString();
        }
        b.visit("/#/explore");
        WebElement input = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("search-input")));
        input.sendKeys(name);
        b.driver().findElement(By.id("search-button")).click();
        b.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".search-hit"))).click();
        b.await().until(ExpectedConditions.elementToBeClickable(By.id("expand-button"))).click();
        b.await().until(d -> nodesDrawn() > 1);
        assertThat(b.driver().findElement(By.id("explore-status")).getText()).contains("邻居");
        WebElement provenance = b.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#detail ul li a")));
        provenance.click();
        WebElement source = b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#detail [data-testid='source-row']")));
        assertThat(source.getText()).contains("原始数据行");
        b.check("the explorer with a record's source row");
        b.screenshot("explore");
    }

    @Test
    @Order(4)
    void aBusyVenueIsCollapsedIntoCountedGroupsThatOpenOnDemandWhileDrawnNodesStayPut() {
        String venue;
        try (Session s = city.store.driver().session()) {
            venue = s.run("MATCH (v:Venue)<-[:AT]-(r) WITH v, count(r) AS n WHERE n > 30 RETURN elementId(v) AS id ORDER BY n DESC LIMIT 1")
                    .single().get("id").asString();
        }
        b.visit("/#/explore?node=" + venue);
        WebElement cap = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("cap-notice")));
        assertThat(cap.getText()).contains("分组");
        String group = (String) b.js("const g = TX.explorer.nodes('[kind = \"Group\"]').sort((a, b) => b.data('count') - a.data('count'))[0];"
                + " return g ? g.id() : null");
        assertThat(group).as("a counted group node").isNotNull();
        long count = ((Number) b.js("return TX.explorer.getElementById(arguments[0]).data('count')", group)).longValue();
        assertThat(count).isGreaterThan(25);
        assertThat((String) b.js("return TX.explorer.getElementById(arguments[0]).data('label')", group)).contains(String.valueOf(count));
        long before = membersDrawn();
        Map<String, Object> positions = positions();
        positions.remove(group);
        b.js("TX.explorer.getElementById(arguments[0]).emit('tap')", group);
        b.await().until(d -> membersDrawn() == before + 25);
        assertThat(positions()).as("nodes drawn before the group opened stay where they were").containsAllEntriesOf(positions);
        assertThat(((Number) b.js("return TX.explorer.getElementById(arguments[0]).data('count')", group)).longValue()).isEqualTo(count - 25);
        b.driver().findElement(By.id("expand-more")).click();
        b.await().until(d -> membersDrawn() == before + Math.min(50, count));
        if (count <= 50) {
            assertThat(b.js("return TX.explorer.getElementById(arguments[0]).empty()", group)).as("an emptied group goes").isEqualTo(true);
        }
        b.check("a busy venue with a group opened twice");
        b.screenshot("explore-groups");
    }

    @Test
    @Order(4)
    void withRecordsUntickedTheExplorerDrawsWhatTheRecordsNameThroughThem() {
        String venue;
        try (Session s = city.store.driver().session()) {
            venue = s.run("MATCH (v:Venue)<-[:AT]-(r:NetbarSession)-[:USER]->(:Person) RETURN elementId(v) AS id ORDER BY v.code LIMIT 1")
                    .single().get("id").asString();
        }
        b.visit("/#/explore?node=" + venue);
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cap-notice, #expand-all")));
        b.driver().findElement(By.cssSelector(".kind-filter[value='Record']")).click();
        b.js("TX.explorer.elements().remove()");
        b.js("TX.explorer.add({group: 'nodes', data: {id: arguments[0], kind: 'Venue', caption: 'v', label: 'v'}})", venue);
        b.driver().findElement(By.id("expand-button")).click();
        WebElement via = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("via-records")));
        assertThat(via.getText()).contains("记录");
        assertThat(((Number) b.js("return TX.explorer.nodes('[kind = \"Person\"]').length")).longValue()).isPositive();
        assertThat(((Number) b.js("return TX.explorer.nodes('[kind = \"Record\"]').length")).longValue()).isZero();
        assertThat(((Number) b.js("return TX.explorer.edges('[kind = \"Via\"]').length")).longValue()).isPositive();
        b.check("the explorer through records");
    }

    @Test
    @Order(5)
    void theCypherConsoleShowsRowsAndRefusesAWrite() {
        b.visit("/#/cypher");
        WebElement editor = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("cypher-input")));
        editor.clear();
        editor.sendKeys("MATCH (v:Venue) RETURN v.name AS name, v LIMIT 7");
        b.driver().findElement(By.id("cypher-run")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("cypher-summary"), "7"));
        b.driver().findElement(By.id("show-table")).click();
        assertThat(b.driver().findElements(By.cssSelector("#cypher-table tbody tr"))).hasSize(7);
        b.check("the Cypher table");
        b.screenshot("cypher");
        editor.clear();
        editor.sendKeys("MATCH (n:Person) DETACH DELETE n");
        b.expect(422, "/api/cypher");
        b.driver().findElement(By.id("cypher-run")).click();
        WebElement error = b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cypher-result .error")));
        assertThat(error.getText()).contains("控制台只读");
        b.checkAllExpectedCame("the Cypher console refusing a write");
    }

    @Test
    @Order(6)
    void theSvgDiagramDownloads() throws Exception {
        b.visit("/#/lead/" + xssLeadRef);
        b.await().until(ExpectedConditions.elementToBeClickable(By.id("export-svg"))).click();
        Path file = b.downloads().resolve("lead-" + xssLeadRef + ".svg");
        b.await().until(d -> Files.exists(file) && file.toFile().length() > 0);
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    @Order(7)
    void scriptInNamesVenueNamesAndNotesIsShownAsTextAndNeverRuns() {
        b.visit("/#/lead/" + xssLeadRef);
        WebElement history = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("wf-history")));
        assertThat(history.getText()).contains("<svg onload=alert(2)><b>核查中</b>");
        b.visit("/#/explore");
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("search-input"))).sendKeys("img");
        b.driver().findElement(By.id("search-button")).click();
        WebElement hit = b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search-hit")));
        assertThat(hit.getText()).contains(XSS_NAME);
        hit.click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail"), XSS_NAME));
        b.driver().findElement(By.id("search-input")).clear();
        b.driver().findElement(By.id("search-input")).sendKeys("网咖");
        b.driver().findElement(By.id("search-button")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-hits"), "<script>"));
        b.visit("/#/venues");
        waitForHeatMap();
        assertThat(noAlert()).as("no script ran an alert").isTrue();
        JavascriptExecutor js = b.driver();
        assertThat(js.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(js.executeScript("return document.querySelectorAll('main img, main script, main svg[onload]').length"))
                .isEqualTo(0L);
        b.check("the venue map");
        b.screenshot("xss-inert");
    }

    @Test
    @Order(8)
    void theHeatMapDrawsEveryPlacedVenueInItsColourOverTheDistrictWithALegendScaleAndFilters() {
        b.visit("/#/venues");
        waitForHeatMap();
        JsonNode map = city.http.get("/api/venues").json();
        long placed = 0;
        long red = 0;
        long withLeads = 0;
        for (JsonNode v : map.get("venues")) {
            boolean on = !v.get("lon").isNull();
            placed += on ? 1 : 0;
            red += on && v.get("level").asText().equals("red") ? 1 : 0;
            withLeads += on && v.get("leads").asInt() > 0 ? 1 : 0;
        }
        assertThat(seriesSize("red") + seriesSize("yellow") + seriesSize("green")).isEqualTo(placed);
        assertThat(seriesSize("red")).isEqualTo(red);
        assertThat(seriesSize("heat")).as("the heat layer: venues with leads").isEqualTo(withLeads);
        assertThat(b.js("const o = TX.venueChart.getOption(); return [o.legend.length, o.visualMap.length, o.geo[0].map].join(',')"))
                .isEqualTo("1,1,tongxin-district");
        assertThat(b.js("return echarts.getMap('tongxin-district').geoJSON.features.map(f => f.properties.name).join(',')"))
                .isEqualTo("牟平区,莱山区");
        assertThat(b.driver().findElement(By.id("venue-shown")).getText()).contains(String.valueOf(placed));
        b.screenshot("venues");
        b.driver().findElement(By.cssSelector(".level-filter[value='green']")).click();
        b.await().until(d -> seriesSize("green") == 0);
        assertThat(seriesSize("red")).isEqualTo(red);
        new Select(b.driver().findElement(By.id("venue-kind"))).selectByValue("网吧");
        long netbars = 0;
        for (JsonNode v : map.get("venues")) {
            netbars += !v.get("lon").isNull() && "网吧".equals(v.get("kind").asText()) && !v.get("level").asText().equals("green") ? 1 : 0;
        }
        long expected = netbars;
        b.await().until(d -> seriesSize("red") + seriesSize("yellow") == expected);
        b.check("the heat map filtered");
    }

    private static void waitForHeatMap() {
        b.await().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !!(window.TX && TX.venueChart && !TX.venueChart.isDisposed() && document.body.contains(TX.venueChart.getDom())"
                        + " && TX.venueChart.getOption().series.length === 5)"));
    }

    private static long seriesSize(String id) {
        return ((Number) b.js("return TX.venueChart.getOption().series.find(s => s.id === arguments[0]).data.length", id)).longValue();
    }

    @Test
    @Order(8)
    void theLeadGraphHasALegendRolesReadableLabelsAndWorkingControls() throws Exception {
        b.visit("/#/lead/" + xssLeadRef);
        b.await().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !!(window.__tongxinGraph && document.querySelector('#lead-graph canvas') && __tongxinGraph.nodes().length > 2)"));
        WebElement legend = b.driver().findElement(By.id("graph-legend"));
        assertThat(legend.findElements(By.cssSelector("[data-kind='Person']"))).hasSize(1);
        assertThat(legend.findElements(By.cssSelector("[data-kind='Lead']"))).hasSize(1);
        assertThat(legend.findElements(By.cssSelector("[data-role='minor']"))).hasSize(1);
        assertThat(legend.getText()).contains("人员").contains("线索").contains("未成年人");
        assertThat(b.js("return __tongxinGraph.nodes('.subject').data('role')")).isEqualTo("minor");
        assertThat((String) b.js("return __tongxinGraph.nodes('[kind = \"Lead\"]').data('label')")).startsWith("线索：").doesNotContain("guardianship");
        assertThat(b.js("return __tongxinGraph.nodes('[kind = \"Person\"]').filter(n => !n.data('role')).length")).isEqualTo(0L);
        assertThat(((Number) b.js(OVERLAPS)).longValue()).as("node labels that overlap another node or label").isZero();
        b.screenshot("lead-graph");

        String victim = (String) b.js("return __tongxinGraph.nodes().not('.subject').not('[kind = \"Lead\"]')[0].id()");
        b.js("__tongxinGraph.nodes().unselect(); __tongxinGraph.getElementById(arguments[0]).select()", victim);
        b.driver().findElement(By.id("graph-hide")).click();
        assertThat(b.js("return __tongxinGraph.getElementById(arguments[0]).visible()", victim)).isEqualTo(false);
        assertThat(b.driver().findElement(By.id("graph-unhide")).getText()).contains("1");
        b.driver().findElement(By.id("graph-unhide")).click();
        assertThat(b.js("return __tongxinGraph.getElementById(arguments[0]).visible()", victim)).isEqualTo(true);

        b.js("__tongxinGraph.nodes().unselect(); __tongxinGraph.getElementById(arguments[0]).select()", victim);
        b.driver().findElement(By.id("graph-pin")).click();
        assertThat(b.js("return __tongxinGraph.getElementById(arguments[0]).locked()", victim)).isEqualTo(true);
        Object pinned = b.js("const p = __tongxinGraph.getElementById(arguments[0]).position(); return Math.round(p.x) + ',' + Math.round(p.y)", victim);
        b.driver().findElement(By.id("graph-relayout")).click();
        assertThat(b.js("const p = __tongxinGraph.getElementById(arguments[0]).position(); return Math.round(p.x) + ',' + Math.round(p.y)", victim))
                .as("a pinned node stays when the graph is laid out again").isEqualTo(pinned);

        double zoom = ((Number) b.js("return __tongxinGraph.zoom()")).doubleValue();
        b.driver().findElement(By.id("graph-zoom-in")).click();
        assertThat(((Number) b.js("return __tongxinGraph.zoom()")).doubleValue()).isGreaterThan(zoom);
        b.js("__tongxinGraph.zoom(0.2); __tongxinGraph.pan({x: 2000, y: 2000})");
        b.driver().findElement(By.id("graph-fit")).click();
        b.await().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("const e = __tongxinGraph.extent(); "
                + "return __tongxinGraph.nodes(':visible').every(n => { const p = n.position(); return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2; })"));

        assertThat((String) b.js("return TX.graph.png(__tongxinGraph)")).startsWith("data:image/png;base64,");
        b.driver().findElement(By.id("graph-png")).click();
        Path png = b.downloads().resolve("tongxin-lead-" + xssLeadRef + ".png");
        b.await().until(d -> Files.exists(png) && png.toFile().length() > 1000);
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertThat(head).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        b.driver().findElement(By.id("graph-svg")).click();
        Path svg = b.downloads().resolve("tongxin-lead-" + xssLeadRef + ".svg");
        b.await().until(d -> Files.exists(svg) && svg.toFile().length() > 100);
        assertThat(Files.readString(svg)).contains("<svg").contains("&lt;img src=x on").doesNotContain("<img");
        b.check("the lead graph after its controls");
    }

    @Test
    @Order(8)
    void theConsolesDefaultQueryDrawsAConnectedGraphAndATappedNodeStaysOnThePage() {
        b.visit("/#/leads");
        b.js("localStorage.removeItem('tongxin.cypher'); sessionStorage.removeItem('tongxin.cypher.last')");
        b.visit("/#/cypher");
        b.driver().findElement(By.id("cypher-run")).click();
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("cypher-summary")));
        b.await().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !!(window.__tongxinGraph && document.querySelector('#cypher-graph canvas') && __tongxinGraph.nodes().length > 0)"));
        assertThat(b.js("return __tongxinGraph.edges().length > 0")).isEqualTo(true);
        assertThat(b.js("return __tongxinGraph.nodes().filter(n => n.degree() === 0).length")).as("nodes drawn alone").isEqualTo(0L);
        b.screenshot("cypher-graph");
        String url = b.driver().getCurrentUrl();
        b.js("__tongxinGraph.nodes('[kind = \"Venue\"]')[0].emit('tap')");
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("cypher-explore")));
        assertThat(b.driver().getCurrentUrl()).isEqualTo(url);
        b.driver().findElement(By.id("cypher-explore")).click();
        b.await().until(d -> String.valueOf(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")).startsWith("#/explore"));
        b.driver().navigate().back();
        b.await().until(d -> "#/cypher".equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")));
        b.await().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !!(document.getElementById('cypher-summary') && window.__tongxinGraph && document.querySelector('#cypher-graph canvas')"
                        + " && __tongxinGraph.nodes().length > 0)"));
        b.check("the console after Back");
    }

    @Test
    @Order(9)
    void theProfilePageAndTheEnglishSwitch() {
        String person;
        try (Session s = city.store.driver().session()) {
            person = s.run("MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.key LIMIT 1 "
                    + "MATCH (p:Person {id: split(l.key, ':')[1]}) RETURN elementId(p) AS id").single().get("id").asString();
        }
        b.visit("/#/profile/" + person);
        WebElement profile = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("profile")));
        assertThat(profile.getText()).contains("风险因素").contains("********");
        b.screenshot("profile");
        b.driver().findElement(By.id("lang-switch")).click();
        b.await().until(ExpectedConditions.textToBe(By.id("nav-leads"), "Leads"));
        b.driver().findElement(By.id("lang-switch")).click();
        b.await().until(ExpectedConditions.textToBe(By.id("nav-leads"), "线索工作台"));
    }

    @Test
    @Order(10)
    void theAuditLogShowsTheReadsAndTheExportOfThisSession() {
        b.visit("/#/audit?user=test-prosecutor");
        WebElement table = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("audit-table")));
        assertThat(b.driver().findElement(By.id("audit-chain")).getText()).contains("哈希链完整");
        // Actions show by their names (GET /api/labels), the codes stay in each cell's title.
        assertThat(table.getText()).contains(action("login")).contains(action("lead.read")).contains(action("export.svg"))
                .contains(action("cypher")).doesNotContain("lead.read");
        b.screenshot("audit");
    }

    @Test
    @Order(11)
    void nothingBreaksTheContentSecurityPolicy() {
        b.visit("/#/leads");
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".lead-row")));
        List<LogEntry> entries = b.driver().manage().logs().get(LogType.BROWSER).getAll();
        assertThat(entries).noneMatch(e -> e.getMessage().contains("Content Security Policy"));
    }

    @Test
    @Order(12)
    void foldersAreNotListedAndPagesCarryTheSecurityHeaders() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        for (String folder : List.of("/js/", "/webjars/", "/webjars/cytoscape/3.33.1/dist/")) {
            var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(city.base() + folder)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(folder).isEqualTo(404);
            assertThat(r.body()).as(folder).doesNotContain("cytoscape.min.js").doesNotContain("app.js");
        }
        var page = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(city.base() + "/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("onclick=");
    }

    @Test
    @Order(13)
    void aLawSearchMarksTheWordsItMatchedAndALeadsArticleLinksToIt() {
        b.visit("/#/laws");
        WebElement query = b.driver().findElement(By.id("law-query"));
        query.sendKeys("网吧 未成年人");
        b.driver().findElement(By.id("law-search")).click();
        WebElement hits = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("law-hits")));
        WebElement first = hits.findElements(By.cssSelector(".law-hit")).get(0);
        assertThat(first.getText()).contains("未成年人保护法 第五十八条").contains("互联网上网服务营业场所");
        List<String> marked = first.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
        assertThat(marked).anyMatch(m -> m.contains("未成年人")).anyMatch(m -> m.contains("互联网"));
        assertThat(b.driver().findElement(By.id("law-expanded")).getText()).contains("互联网上网服务营业场所");
        b.screenshot("laws");
        first.findElement(By.cssSelector("a.law-link")).click();
        WebElement article = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("law-article")));
        assertThat(article.getText()).contains("第五十八条").contains("不得允许未成年人进入");
    }

    @Test
    @Order(14)
    void anOrderIsDraftedFromALeadIssuedAndAcknowledgedByTheGuardian() {
        String ref;
        try (Session s = city.store.driver().session()) {
            ref = s.run("MATCH (l:Lead {model: 'guardianship'}) RETURN l.ref AS r ORDER BY l.key DESC LIMIT 1").single().get("r").asString();
        }
        b.visit("/#/lead/" + ref);
        b.await().until(ExpectedConditions.elementToBeClickable(By.id("draft-supervision"))).click();
        WebElement guardianUser = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("order-guardian-user")));
        assertThat(b.driver().findElement(By.id("order-status")).getText()).isEqualTo("草稿");
        new Select(guardianUser).selectByValue(city.users.get(Role.GUARDIAN)[0]);
        b.fillIfEmpty("#order-guardian-name", "张某某");
        b.driver().findElement(By.id("order-issue")).click();
        b.await().until(ExpectedConditions.textToBe(By.id("order-status"), "已发出"));
        String orderUrl = b.driver().getCurrentUrl();
        b.check("an issued order");
        b.screenshot("order-issued");

        b.logIn(Role.GUARDIAN);
        b.visit("/#/orders");
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".order-row"))).click();
        b.await().until(ExpectedConditions.elementToBeClickable(By.id("order-acknowledge"))).click();
        b.await().until(ExpectedConditions.textToBe(By.id("order-status"), "监护人已确认"));
        assertThat(b.driver().getCurrentUrl()).isEqualTo(orderUrl);
        WebElement text = b.driver().findElement(By.id("thread-text"));
        text.sendKeys("收到，请问何时走访？");
        b.driver().findElement(By.id("thread-send")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread-messages"), "何时走访"));
        assertThat(b.driver().findElement(By.id("order-steps")).getText()).contains("监护人已确认");
        b.check("the guardian's order");
        b.screenshot("order-acknowledged");
        b.logIn(Role.PROSECUTOR);
    }

    @Test
    @Order(15)
    void aVolunteerSubmitsAProblemWithAPhotoFromAPhoneSizedPage() throws Exception {
        double lat;
        double lon;
        try (Session s = city.store.driver().session()) {
            var r = s.run("MATCH (v:Venue) WHERE v.lat IS NOT NULL AND v.kind = '网吧' RETURN v.lat AS lat, v.lon AS lon ORDER BY v.code LIMIT 1").single();
            lat = r.get("lat").asDouble();
            lon = r.get("lon").asDouble();
        }
        Path photo = Files.createTempFile("netbar", ".jpg");
        Files.write(photo, org.tongxin.api.observer.Pictures.jpegWithGps(lat + 0.0003, lon));
        b.logIn(Role.VOLUNTEER);
        b.resize(420, 900);
        try {
            b.visit("/#/observe");
            WebElement description = b.driver().findElement(By.id("obs-description"));
            description.sendKeys("晚上十点多有几个初中生在网吧上网，前台没有查身份证");
            b.driver().findElement(By.id("obs-at")).click();
            b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("obs-suggestion"), "网吧接纳未成年人"));
            b.driver().findElement(By.id("obs-media")).sendKeys(photo.toString());
            b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#obs-files img.thumb")));
            b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("obs-gps")));
            assertThat(b.driver().findElement(By.id("obs-lat")).getAttribute("value")).startsWith(String.valueOf(lat).substring(0, 5));
            b.screenshot("observe-form");
            b.driver().findElement(By.id("obs-submit")).click();
            WebElement done = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("obs-done")));
            assertThat(done.getText()).contains("已提交");
            b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-submissions"), "已提交"));
            b.check("the volunteer's submissions");
            b.screenshot("observe-submitted");
            // A tap on the district map away from any dot picks a point (and clears the chosen place).
            WebElement map = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("obs-map")));
            new org.openqa.selenium.interactions.Actions(b.driver()).moveToElement(map, 3, 3).click().perform();
            assertThat(b.driver().findElement(By.id("obs-lat")).getAttribute("value")).isNotBlank();
            assertThat(b.driver().findElement(By.id("obs-lon")).getAttribute("value")).isNotBlank();
            assertThat(b.driver().findElement(By.id("obs-place")).getAttribute("value")).isEmpty();
        } finally {
            b.resize(1440, 1000);
        }
        try (Session s = city.store.driver().session()) {
            var r = s.run("MATCH (x:Submission {by: $u})-[:ABOUT_PLACE]->(v:Venue) RETURN x.category AS c, size(x.media) AS m, v.kind AS kind "
                    + "ORDER BY x.submittedAt DESC LIMIT 1", Map.of("u", city.users.get(Role.VOLUNTEER)[0])).single();
            assertThat(r.get("c").asString()).isEqualTo("netbar");
            assertThat(r.get("m").asInt()).isEqualTo(1);
            assertThat(r.get("kind").asString()).isEqualTo("网吧");
        }
        try (Session s = city.store.driver().session()) {
            s.run("MATCH (x:Submission {by: $u}) SET x.submittedAt = x.submittedAt - duration({days: 4})",
                    Map.of("u", city.users.get(Role.VOLUNTEER)[0])).consume();
        }
        b.logIn(Role.PROSECUTOR);
        assertThat(b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("overdue-reports"))).getText()).contains("超 3 日未受理");
        b.visit("/#/submissions");
        assertThat(b.driver().findElement(By.id("submissions")).getText()).contains("网吧接纳未成年人");
        assertThat(b.driver().findElements(By.cssSelector("#submissions img.thumb"))).isNotEmpty();
        b.check("the observer reports");
        b.screenshot("submissions");
        // Acknowledged, then referred to a department picked by its Chinese name (no prompt for a code).
        By row = By.xpath("//tr[contains(@class,'submission')][.//td[contains(.,'网吧接纳未成年人')]]");
        b.driver().findElement(row).findElement(By.xpath(".//button[.='受理']")).click();
        // The row is drawn again once the step is through: pick from the select of the row as it then stands.
        String suggested = b.await().until(d -> {
            try {
                return new Select(d.findElement(row).findElement(By.cssSelector("select.sub-department"))).getFirstSelectedOption().getText();
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        });
        assertThat(suggested).isEqualTo("文旅");
        b.await().until(d -> {
            try {
                new Select(d.findElement(row).findElement(By.cssSelector("select.sub-department"))).selectByVisibleText("市场监管");
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        b.driver().findElement(row).findElement(By.xpath(".//button[.='移送']")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(row, "已移送主管部门"));
        assertThat(noAlert()).isTrue();
        b.check("an observer report referred");
        try (Session s = city.store.driver().session()) {
            assertThat(s.run("MATCH (x:Submission {by: $u, category: 'netbar'}) RETURN x.department AS d", Map.of("u", city.users.get(Role.VOLUNTEER)[0]))
                    .single().get("d").asString()).isEqualTo("market_regulation");
        }
    }

    @Test
    @Order(16)
    void aProsecutorRefersALeadToADepartmentPickedFromTheChineseListAndClosesIt() {
        String me = city.users.get(Role.PROSECUTOR)[0];
        b.visit("/#/lead/" + untouchedNewLead(0));
        assertThat(b.driver().findElements(By.id("wf-by"))).as("no free-text name: the server knows who acts").isEmpty();
        step("reviewing", "核查中", me, "新线索 → 核查中");
        List<String> departments = new Select(b.driver().findElement(By.id("wf-department"))).getOptions().stream()
                .map(WebElement::getText).filter(t -> !t.isBlank() && !t.equals("—")).toList();
        assertThat(departments).contains("公安", "教育", "民政", "市场监管").noneMatch(t -> t.matches(".*[a-z_].*"));
        b.driver().findElement(By.cssSelector(".wf-step[data-to='referred']")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("wf-message"), "请选择移送部门"));
        new Select(b.driver().findElement(By.id("wf-department"))).selectByVisibleText("教育");
        step("referred", "移送主管部门", me, "核查中 → 移送主管部门（教育）");
        assertThat(b.driver().findElement(By.id("workflow")).getText()).contains("移送：教育");
        b.screenshot("lead-referred");
        step("closed", "已办结", me, "移送主管部门 → 已办结");
        assertThat(b.driver().findElements(By.cssSelector(".wf-step"))).isEmpty();
    }

    @Test
    @Order(17)
    void aProsecutorDismissesALeadWithTheReason() {
        String me = city.users.get(Role.PROSECUTOR)[0];
        b.visit("/#/lead/" + untouchedNewLead(1));
        step("reviewing", "核查中", me, "新线索 → 核查中");
        b.driver().findElement(By.cssSelector(".wf-step[data-to='dismissed']")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("wf-message"), "排除须写明理由"));
        b.driver().findElement(By.id("wf-note")).sendKeys("经核查系同名误配，非同一人");
        step("dismissed", "排除（附理由）", me, "核查中 → 排除（附理由） — 经核查系同名误配，非同一人");
        b.screenshot("lead-dismissed");
    }

    @Test
    @Order(18)
    void valuesWithATAreShownAsTheyAreAndTimestampsToTheMinute() {
        String venue;
        String venueName;
        String session;
        String startAt;
        try (Session s = city.store.driver().session()) {
            var v = s.run("MATCH (v:Venue) WHERE v.name ENDS WITH 'KTV' RETURN elementId(v) AS id, v.name AS name ORDER BY v.code LIMIT 1").single();
            venue = v.get("id").asString();
            venueName = v.get("name").asString();
            var r = s.run("MATCH (r:NetbarSession) WHERE r.startAt IS NOT NULL RETURN elementId(r) AS id, r.startAt AS at ORDER BY r.sessionNo LIMIT 1").single();
            session = r.get("id").asString();
            startAt = r.get("at").asLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        }
        b.visit("/#/explore?node=" + venue);
        WebElement props = b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#detail dl.kv")));
        assertThat(props.getText()).contains(venueName);
        b.visit("/#/explore?node=" + session);
        props = b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#detail dl.kv")));
        assertThat(props.getText()).contains(startAt).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:");
        b.visit("/#/cypher");
        WebElement editor = b.driver().findElement(By.id("cypher-input"));
        editor.clear();
        editor.sendKeys("MATCH (v:Venue) WHERE v.name ENDS WITH 'KTV' RETURN v.name AS name, "
                + "localdatetime('2026-03-05T21:30:15.123456789') AS at, 'TTT 2026-03-05T21:30 x' AS text ORDER BY v.code LIMIT 1");
        b.driver().findElement(By.id("cypher-run")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("cypher-summary"), "1"));
        b.driver().findElement(By.id("show-table")).click();
        List<String> cells = b.driver().findElements(By.cssSelector("#cypher-table tbody td")).stream().map(WebElement::getText).toList();
        assertThat(cells).containsExactly(venueName, "2026-03-05 21:30", "TTT 2026-03-05T21:30 x");
        b.check("the Cypher table with a timestamp");
        b.screenshot("values-with-t");
    }

    @Test
    @Order(19)
    void theVolunteersPlaceListHasThePlacesAndFiltersByName() {
        JsonNode places = city.as(Role.VOLUNTEER).get("/api/observer/places").json().get("places");
        b.logIn(Role.VOLUNTEER);
        try {
            b.visit("/#/observe");
            Select place = new Select(b.driver().findElement(By.id("obs-place")));
            List<String> options = place.getOptions().stream().map(WebElement::getText).toList();
            assertThat(options).hasSize(places.size() + 1).noneMatch(o -> o.contains("[object"));
            assertThat(options.get(1)).endsWith(places.get(0).get("name").asText());
            b.driver().findElement(By.id("obs-place-filter")).sendKeys("KTV");
            List<String> filtered = place.getOptions().stream().map(WebElement::getText).skip(1).toList();
            assertThat(filtered).isNotEmpty().allMatch(o -> o.contains("KTV")).hasSizeLessThan(places.size());
            place.selectByIndex(1);
            assertThat(place.getFirstSelectedOption().getAttribute("value")).isNotBlank();
            b.screenshot("observe-places");
        } finally {
            b.logIn(Role.PROSECUTOR);
        }
    }

    @Test
    @Order(20)
    void everyRoleSeesItsPagesWithoutNullUndefinedOrScriptErrors() {
        Map<Role, List<String>> pages = new java.util.LinkedHashMap<>();
        pages.put(Role.ANALYST, List.of("/#/leads", "/#/explore", "/#/cypher", "/#/venues", "/#/laws", "/#/education"));
        pages.put(Role.DEPARTMENT, List.of("/#/leads", "/#/board", "/#/laws", "/#/education"));
        pages.put(Role.SOCIAL_WORKER, List.of("/#/minors", "/#/board", "/#/education"));
        pages.put(Role.PSYCHOLOGIST, List.of("/#/minors", "/#/board", "/#/education"));
        pages.put(Role.GUARDIAN, List.of("/#/orders", "/#/board", "/#/laws", "/#/education"));
        pages.put(Role.VOLUNTEER, List.of("/#/observe", "/#/education"));
        pages.put(Role.PROSECUTOR, List.of("/#/submissions", "/#/orders", "/#/board", "/#/education", "/#/audit"));
        try {
            pages.forEach((role, paths) -> {
                b.logIn(role);
                for (String path : paths) {
                    b.visit(path);
                    // The first lead, order or thread listed there, where there is one.
                    List<WebElement> rows = b.driver().findElements(By.cssSelector(".lead-row, .order-row, #threads a"));
                    if (!rows.isEmpty()) {
                        String before = b.driver().getCurrentUrl();
                        rows.get(0).click();
                        b.await().until(d -> !d.getCurrentUrl().equals(before) && d.getCurrentUrl().substring(d.getCurrentUrl().indexOf('#'))
                                .equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")));
                        b.check(role + " " + b.driver().getCurrentUrl());
                        b.screenshot("role-" + role.code() + path.replaceAll("[^a-z]", "-"));
                    }
                }
            });
        } finally {
            b.logIn(Role.PROSECUTOR);
        }
    }

    /** A step through the lead page's buttons; the page then shows the new status and the step with who took it. */
    private static void step(String to, String statusZh, String by, String history) {
        b.driver().findElement(By.cssSelector(".wf-step[data-to='" + to + "']")).click();
        b.await().until(ExpectedConditions.textToBe(By.id("lead-status"), statusZh));
        WebElement last = b.await().until(d -> {
            List<WebElement> items = d.findElements(By.cssSelector("#wf-history li"));
            return items.isEmpty() ? null : items.get(items.size() - 1);
        });
        assertThat(last.getText()).contains(by).contains(history);
        b.check("a lead after the step to " + to);
    }

    /** The n-th new lead of a model no other test opens (guardianship leads are read and ordered elsewhere). */
    private static String untouchedNewLead(int n) {
        JsonNode items = city.http.get("/api/leads?status=new&model=venue&size=50").json().get("items");
        return items.get(n).get("ref").asText();
    }

    private static String action(String code) {
        return org.tongxin.domain.audit.AuditActions.all().get(code).zh();
    }

    /** Pairs of node labels (with their nodes) whose boxes overlap, in the graph the page exposes for tests. */
    static final String OVERLAPS = "const ns = __tongxinGraph.nodes(':visible').map(n => n.boundingBox({includeLabels: true, includeOverlays: false}));"
            + " let k = 0; for (let i = 0; i < ns.length; i++) { for (let j = i + 1; j < ns.length; j++) { const a = ns[i], b = ns[j];"
            + " if (a.x1 < b.x2 - 1 && b.x1 < a.x2 - 1 && a.y1 < b.y2 - 1 && b.y1 < a.y2 - 1) { k++; } } } return k;";

    /** Every node's position in the explorer, rounded to the pixel, by id. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> positions() {
        return (Map<String, Object>) b.js("const o = {}; TX.explorer.nodes().forEach(n => { o[n.id()] = Math.round(n.position('x')) + ',' + Math.round(n.position('y')); }); return o;");
    }

    /** Nodes in the explorer that are not group nodes. */
    private static long membersDrawn() {
        return ((Number) b.js("return TX.explorer.nodes().not('[kind = \"Group\"]').length")).longValue();
    }

    private static long nodesDrawn() {
        Object n = ((JavascriptExecutor) b.driver()).executeScript("return window.TX && TX.explorer ? TX.explorer.nodes().length : 0");
        return ((Number) n).longValue();
    }

    private static boolean noAlert() {
        try {
            b.driver().switchTo().alert();
            return false;
        } catch (NoAlertPresentException e) {
            return true;
        }
    }
}
