package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
 * One Chromium (Debian's, driven by /usr/bin/chromedriver) for a test class, with the guards every page visit
 * passes: no visible "null", "undefined", "NaN" or "[object"; no JavaScript console error; no API answer of 400 or
 * more that the test did not announce with {@link #expect(int, String)} (read from the browser's own network log,
 * the DevTools protocol's {@code Network.responseReceived} events); and in the Chinese interface no English word
 * outside data values (text inside {@code translate="no"}, code, inputs) and the accepted terms; in the English
 * interface, {@link #checkEnglish(String)} the inverse: no Chinese outside data values and text Chinese by nature.
 * Each checked page is saved as a screenshot under {@code target/journeys/<who>/}. {@link BrowserExtension} opens
 * and closes it for a test class.
 */
public final class Browser implements AutoCloseable {

    /** Chromium logs every 4xx answer as a console error; those are judged by the network guard instead. */
    static final Pattern API_REFUSAL =
            Pattern.compile("/api/\\S* - Failed to load resource: the server responded with a status of 4\\d\\d");
    /** Words the Chinese interface may show as they are: file formats, product and query language names, units. */
    static final Set<String> ACCEPTED = Set.of("KTV", "SVG", "PNG", "DOCX", "XLSX", "CSV", "MP4", "JPEG", "JPG", "PDF",
            "Cypher", "Gremlin", "Neo4j", "ID", "API", "OpenAPI", "JSON", "URL", "GB", "MB", "KB", "TinkerPop", "Bolt",
            "English", "AND", "OR", "NOT", "WebJar", "EChart", "ECharts", "fCoSE", "Tongxin");
    /** An ASCII word not glued to letters or digits (so plates such as 鲁FT9804 and codes are not words). */
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9_.@/-])[A-Za-z]{2,}(?![A-Za-z0-9_@/-])");
    /** Chinese characters with the text around them on their line, to tell where they stand. */
    private static final Pattern HAN = Pattern.compile("[^\\n]{0,12}\\p{IsHan}[^\\n]{0,12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestCity city;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path downloads;
    private final Path shots;
    private final AtomicInteger shot = new AtomicInteger();
    private final List<Refusal> expected = new ArrayList<>();
    private String who = "anonymous";

    private record Refusal(int status, String path) {
    }

    /** An API answer the page received. */
    public record Answer(int status, String method, String path) {
    }

    private Browser(TestCity city, int width, int height) throws IOException {
        this.city = city;
        downloads = Files.createDirectories(Path.of("target", "downloads")).toAbsolutePath();
        shots = Files.createDirectories(Path.of("target", "journeys")).toAbsolutePath();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=" + width + "," + height, "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("tongxin-chromium"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "profile.default_content_setting_values.automatic_downloads", 1));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // The test machines are shared: a first, cold answer may take longer than a person would wait.
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** A desktop-sized window (1440 × 1000). */
    public static Browser open(TestCity city) throws IOException {
        return new Browser(city, 1440, 1000);
    }

    /** A window of this size, e.g. a phone's 420 px. */
    public static Browser open(TestCity city, int width, int height) throws IOException {
        return new Browser(city, width, height);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return wait;
    }

    public Path downloads() {
        return downloads;
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Logs in through the login page, as a person would, and checks the page the role starts on. */
    public void logIn(Role role) {
        who = role.code();
        driver.get(city.base() + "/#/login");
        WebElement user = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-user")));
        // Anonymous, the page asks whether a session exists; that 401 is its question, not a failure.
        answers().stream().filter(a -> a.status() >= 400 && !(a.status() == 401 && a.path().equals("/api/me")))
                .forEach(a -> assertThat(a).as("API answers on the login page").isNull());
        user.clear();
        user.sendKeys(city.users.get(role)[0]);
        driver.findElement(By.id("login-password")).clear();
        driver.findElement(By.id("login-password")).sendKeys(city.users.get(role)[1]);
        driver.findElement(By.id("login-button")).click();
        // The previous user's header stays until the new login is through: wait for this user's name, then for the
        // page the role starts on.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), city.users.get(role)[0]));
        wait.until(d -> {
            Object ready = js("return document.body.dataset.ready");
            return ready != null && !"#/login".equals(ready);
        });
        check("start page");
    }

    /** Opens a route ("/#/leads") and waits until its page has drawn, then checks it. */
    public void visit(String path) {
        driver.get(city.base() + path);
        awaitReady(path.substring(1));
        check(path);
    }

    /** Waits until the page of this route ("#/leads?x=1") has drawn. */
    public void awaitReady(String route) {
        wait.until(d -> route.equals(js("return document.body.dataset.ready")));
    }

    /** Announces an API refusal the next check accepts once (the page provoked it on purpose, e.g. a wrong password). */
    public Browser expect(int status, String pathContains) {
        expected.add(new Refusal(status, pathContains));
        return this;
    }

    /** The guards after a page visit or an action; takes a screenshot named after where the user is. */
    public void check(String where) {
        screenshot(where);
        String text = String.valueOf(js("return document.body.innerText"));
        assertThat(text).as("visible text of " + where)
                .doesNotContain("null").doesNotContain("undefined").doesNotContain("NaN").doesNotContain("[object");
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !API_REFUSAL.matcher(m).find())
                .toList();
        assertThat(errors).as("console errors on " + where).isEmpty();
        List<Answer> refused = new ArrayList<>(answers().stream().filter(a -> a.status() >= 400).toList());
        for (Refusal r : List.copyOf(expected)) {
            refused.stream().filter(a -> a.status() == r.status() && a.path().contains(r.path())).findFirst()
                    .ifPresent(a -> {
                        refused.remove(a);
                        expected.remove(r);
                    });
        }
        assertThat(refused).as("API answers of 400 or more on " + where + " that the test did not provoke").isEmpty();
        if (!"en".equals(js("return window.TXI18N ? TXI18N.lang() : 'zh'"))) {
            assertThat(englishWords()).as("English words in the Chinese interface on " + where).isEmpty();
        }
    }

    /** Checks, then fails if an announced refusal never came. */
    public void checkAllExpectedCame(String where) {
        check(where);
        assertThat(expected).as("announced API refusals that did not happen on " + where).isEmpty();
    }

    /**
     * The API answers since the last call, from the DevTools protocol's network events in the performance log
     * (reading the log empties it).
     */
    public List<Answer> answers() {
        List<Answer> out = new ArrayList<>();
        Map<String, String> methods = new java.util.HashMap<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            try {
                JsonNode m = JSON.readTree(e.getMessage()).path("message");
                String method = m.path("method").asText();
                JsonNode p = m.path("params");
                if ("Network.requestWillBeSent".equals(method)) {
                    methods.put(p.path("requestId").asText(), p.path("request").path("method").asText());
                } else if ("Network.responseReceived".equals(method)) {
                    String url = p.path("response").path("url").asText();
                    if (!url.startsWith(city.base())) {
                        continue;
                    }
                    String path = URI.create(url).getRawPath() + (URI.create(url).getRawQuery() == null ? ""
                            : "?" + URI.create(url).getRawQuery());
                    out.add(new Answer(p.path("response").path("status").asInt(),
                            methods.getOrDefault(p.path("requestId").asText(), "GET"), path));
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return out;
    }

    /** English words shown outside data values ({@code translate="no"}), code, inputs and the accepted terms. */
    public Set<String> englishWords() {
        Set<String> words = new TreeSet<>();
        Matcher m = WORD.matcher(shownText(false));
        while (m.find()) {
            if (!ACCEPTED.contains(m.group())) {
                words.add(m.group());
            }
        }
        return words;
    }

    /**
     * The inverse guard, for the English interface: {@link #check(String)}, and no Chinese character shown outside
     * data values ({@code translate="no"}), code, inputs and text Chinese by nature (law texts, the language
     * switch's 中文), which the page marks with a {@code lang="zh…"} attribute.
     */
    public void checkEnglish(String where) {
        assertThat(js("return window.TXI18N ? TXI18N.lang() : 'zh'")).as("the interface's language on " + where).isEqualTo("en");
        check(where);
        Set<String> chinese = new TreeSet<>();
        Matcher m = HAN.matcher(shownText(true));
        while (m.find()) {
            chinese.add(m.group().strip());
        }
        assertThat(chinese).as("Chinese in the English interface on " + where).isEmpty();
    }

    /**
     * The text shown outside data values ({@code translate="no"}), code and inputs, one text node a line; without
     * the text marked Chinese by nature ({@code lang="zh…"}) if asked.
     */
    private String shownText(boolean skipChinese) {
        return String.valueOf(js("""
                const skipChinese = arguments[0];
                const skip = 'SCRIPT,STYLE,CODE,PRE,TEXTAREA,INPUT,SELECT,OPTION,SVG,CANVAS,NOSCRIPT';
                const out = [];
                const walk = (n) => {
                  if (n.nodeType === Node.TEXT_NODE) { out.push(n.textContent.replace(/\\s+/g, ' ')); return; }
                  if (n.nodeType !== Node.ELEMENT_NODE) { return; }
                  if (skip.includes(n.tagName.toUpperCase()) || n.getAttribute('translate') === 'no') { return; }
                  if (skipChinese && (n.getAttribute('lang') || '').startsWith('zh')) { return; }
                  const s = getComputedStyle(n);
                  if (s.display === 'none' || s.visibility === 'hidden') { return; }
                  n.childNodes.forEach(walk);
                };
                walk(document.body);
                return out.join('\\n');
                """, skipChinese));
    }

    /** Types {@code text} into the field if it is empty (a draft whose registered guardians are dead has no name). */
    public void fillIfEmpty(String css, String text) {
        WebElement field = find(css);
        if (field.getAttribute("value") == null || field.getAttribute("value").isBlank()) {
            field.sendKeys(text);
        }
    }

    /** What a link in the page answered when fetched with the page's session, as its download would be. */
    public record Download(int status, String type, String disposition, byte[] body) {

        /** The body, once the answer is checked to be 200. */
        public byte[] ok() {
            if (status != 200) {
                throw new AssertionError("the download answered " + status + " (" + type + ")");
            }
            return body;
        }
    }

    /** Fetches a link in the page, with the page's session, as its download would. */
    public Download download(String href) {
        Map<?, ?> m = (Map<?, ?>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  let s = '';
                  for (let i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
                  done({status: r.status, type: r.headers.get('Content-Type') || '',
                        disposition: r.headers.get('Content-Disposition') || '', body: btoa(s)});
                }, e => done({status: -1, type: String(e), disposition: '', body: ''}));
                """, href);
        return new Download(((Number) m.get("status")).intValue(), String.valueOf(m.get("type")),
                String.valueOf(m.get("disposition")), Base64.getDecoder().decode(String.valueOf(m.get("body"))));
    }

    /**
     * The visible text of every element matching {@code css}, read in one script so a table being redrawn cannot
     * leave the test holding a stale element.
     */
    @SuppressWarnings("unchecked")
    public List<String> texts(String css) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(e => (e.innerText || '').trim());", css);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Saves what the browser shows as target/journeys/&lt;who&gt;/NN-where.png. */
    public void screenshot(String where) {
        try {
            Path dir = Files.createDirectories(shots.resolve(who));
            String name = String.format("%02d-%s.png", shot.incrementAndGet(),
                    where.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", ""));
            Files.write(dir.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
