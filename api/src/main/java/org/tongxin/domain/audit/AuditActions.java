package org.tongxin.domain.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of the actions the audit log records ({@code login}, {@code node.read}, {@code export.docx} …), kept as
 * data: Chinese in {@code actions.properties}, English in {@code actions_en.properties} beside this class's
 * resources (UTF-8, in the order written). An action without a name shows as its code.
 */
public final class AuditActions {

    /** An action's names. */
    public record Name(String zh, String en) {
    }

    private static final Map<String, Name> ALL = load();

    private AuditActions() {
    }

    /** Every named action, in the file's order. */
    public static Map<String, Name> all() {
        return ALL;
    }

    public static boolean named(String action) {
        return ALL.containsKey(action);
    }

    private static Map<String, Name> load() {
        Map<String, String> zh = read("actions.properties");
        Map<String, String> en = read("actions_en.properties");
        Map<String, Name> out = new LinkedHashMap<>();
        zh.forEach((code, name) -> out.put(code, new Name(name, en.getOrDefault(code, name))));
        en.forEach((code, name) -> out.putIfAbsent(code, new Name(name, name)));
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, String> read(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = AuditActions.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name + " beside " + AuditActions.class.getName());
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String l = line.strip();
                int eq = l.indexOf('=');
                if (l.isEmpty() || l.startsWith("#") || eq < 0) {
                    continue;
                }
                out.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return out;
    }
}
