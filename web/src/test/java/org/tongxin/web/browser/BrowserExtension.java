package org.tongxin.web.browser;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.tongxin.api.TestCity;
import org.tongxin.web.server.WebServer;

/**
 * Owns a browser test class's {@link Browser}: before the class's own {@code @BeforeAll} it takes the test city
 * with the web view (one per test JVM, so no further Neo4j starts) and opens one Chromium with the window size
 * given, fills the class's static fields of type {@link Browser} and {@link TestCity} (and resolves parameters of
 * those types), saves a screenshot of a failing test, and closes Chromium after the class.
 *
 * <p>{@code @ExtendWith(BrowserExtension.class)} gives a desktop window (1440 × 1000);
 * {@code @RegisterExtension static final BrowserExtension BROWSER = BrowserExtension.window(420, 900)} another size.
 */
public final class BrowserExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {

    private final int width;
    private final int height;
    private TestCity city;
    private Browser browser;

    /** A desktop window, 1440 × 1000. */
    public BrowserExtension() {
        this(1440, 1000);
    }

    private BrowserExtension(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** A window of this size, e.g. a phone's 420 px. */
    public static BrowserExtension window(int width, int height) {
        return new BrowserExtension(width, height);
    }

    public Browser browser() {
        return browser;
    }

    public TestCity city() {
        return city;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        city = TestCity.get(WebServer.WEB_ROOT);
        browser = Browser.open(city, width, height);
        for (Class<?> c = context.getRequiredTestClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
                    continue;
                }
                if (f.getType() == Browser.class) {
                    f.setAccessible(true);
                    f.set(null, browser);
                } else if (f.getType() == TestCity.class) {
                    f.setAccessible(true);
                    f.set(null, city);
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Browser.class || type == TestCity.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class ? browser : city;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (browser != null) {
            try {
                browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
