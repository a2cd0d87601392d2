package org.tongxin.ingest.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongxin.model.schema.Records;

/**
 * The words people read for what the graph holds, kept as data in {@code org/tongxin/ingest/mappings/labels.yaml}
 * beside the dataset mappings: the names of node kinds, relationship types and property keys, the English titles
 * of the datasets (their Chinese titles stay in the mapping files) and the fact templates of lead summaries, each
 * in Chinese and English. Lead summaries ({@code LeadFacts}) and, through api's {@code Kinds} and {@code Relations},
 * the explorer, the case-file diagrams and the web view's meta data read them here.
 *
 * <p>A name is asked for with a {@link Locale}: English for a locale whose language is {@code en}, else Chinese.
 * A key the file does not name comes back as itself, so a missing name shows rather than hides; a test checks
 * that everything a generated city holds is named.
 *
 * <p>A fact template is text with {@code {prop}} placeholders, written {@code {prop:day}} for a date (不详 when
 * unknown), {@code {prop:time}} for a timestamp to the minute, {@code {prop:silent}} for a value that is only
 * tested, never printed; {@code [then|else]} prints {@code then} when every placeholder in it has a value, else
 * {@code else} (which may be left out, with its bar).
 */
public final class Labels {

    /** A name in both languages. */
    public record Name(String zh, String en) {

        public String in(Locale locale) {
            return english(locale) && en != null ? en : zh;
        }
    }

    /**
     * A key the loader derives from a column's ({@code src_<key>}, {@code <key>HasTime} …), named after it: the
     * names are templates where {@code {name}} stands for the column's property name.
     */
    public record Derived(String prefix, String suffix, String zh, String en) {

        /** The column's key this key derives from, if it is of this form. */
        Optional<String> base(String key) {
            String p = prefix == null ? "" : prefix;
            String s = suffix == null ? "" : suffix;
            return key.length() > p.length() + s.length() && key.startsWith(p) && key.endsWith(s)
                    ? Optional.of(key.substring(p.length(), key.length() - s.length())) : Optional.empty();
        }
    }

    /** The contents of labels.yaml. */
    record File(List<String> hubs, Map<String, Name> kinds, Map<String, Name> relations,
                Map<String, Name> properties, List<Derived> derived, Map<String, String> datasets,
                Map<String, String> departments, Map<String, Name> facts) {
    }

    private static final String PATH = "/org/tongxin/ingest/mappings/labels.yaml";
    private static final Pattern GROUP = Pattern.compile("\\[([^\\[\\]|]*)(?:\\|([^\\[\\]]*))?]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::(day|time|silent))?}");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Labels BUNDLED = new Labels(read(), Mappings.bundled());

    private final File file;
    private final Mappings mappings;
    private final Map<String, DatasetMapping> byLabel = new LinkedHashMap<>();

    Labels(File file, Mappings mappings) {
        this.file = file;
        this.mappings = mappings;
        mappings.all().forEach(m -> byLabel.put(m.label(), m));
        file.facts().forEach((dataset, t) -> {
            if (mappings.get(dataset).isEmpty()) {
                throw new IllegalStateException("labels.yaml: a fact template for no dataset: " + dataset);
            }
        });
    }

    /** The labels shipped with the dataset mappings. */
    public static Labels bundled() {
        return BUNDLED;
    }

    /** The hub kinds a user may filter nodes by (node labels, in the file's order). */
    public List<String> hubs() {
        return file.hubs();
    }

    /** A node label's name: 人员, 场所, … or, for a record's own label, its dataset's title. */
    public String kind(String label, Locale locale) {
        Name n = file.kinds().get(label);
        if (n != null) {
            return n.in(locale);
        }
        DatasetMapping m = byLabel.get(label);
        return m != null ? dataset(m.dataset(), locale) : label;
    }

    public String relation(String type, Locale locale) {
        Name n = file.relations().get(type);
        return n == null ? type : n.in(locale);
    }

    /** A property key's name; a key derived from a column's ({@code src_<key>} …) is named after that key. */
    public String property(String key, Locale locale) {
        Name n = file.properties().get(key);
        if (n != null) {
            return n.in(locale);
        }
        for (Derived d : file.derived()) {
            Optional<String> base = d.base(key).filter(file.properties()::containsKey);
            if (base.isPresent()) {
                String of = property(base.get(), locale);
                return (english(locale) ? d.en() : d.zh()).replace("{name}", of);
            }
        }
        return key;
    }

    /** A dataset's title: the Chinese one of its mapping file, the English one from labels.yaml. */
    public String dataset(String name, Locale locale) {
        Optional<DatasetMapping> m = mappings.get(name);
        if (m.isEmpty()) {
            return name;
        }
        return english(locale) ? file.datasets().getOrDefault(name, m.get().title()) : m.get().title();
    }

    /**
     * The department a mapping file names (its Chinese name, as written there: 公安, 市场监管/审批 …) in the
     * locale's language; English names are in labels.yaml, a department without one comes back as written.
     */
    public String department(String zh, Locale locale) {
        if (zh == null || !english(locale)) {
            return zh;
        }
        return file.departments() == null ? zh : file.departments().getOrDefault(zh, zh);
    }

    /** Whether labels.yaml gives this department (as a mapping file writes it) an English name. */
    public boolean namesDepartment(String zh) {
        return file.departments() != null && file.departments().containsKey(zh);
    }

    /** Every node label with both its names: the file's kinds, then each dataset's record label by its title. */
    public Map<String, Name> kindNames() {
        Map<String, Name> out = new LinkedHashMap<>(file.kinds());
        mappings.all().forEach(m -> out.putIfAbsent(m.label(), new Name(m.title(),
                file.datasets().getOrDefault(m.dataset(), m.title()))));
        return out;
    }

    /** Every relationship type with both its names. */
    public Map<String, Name> relationNames() {
        return new LinkedHashMap<>(file.relations());
    }

    /** Every named property key with both its names (keys derived from these are named by {@link #derived()}). */
    public Map<String, Name> propertyNames() {
        return new LinkedHashMap<>(file.properties());
    }

    /** How keys derived from a column's key are named. */
    public List<Derived> derived() {
        return List.copyOf(file.derived());
    }

    /** Whether the file names this node label, relationship type or property key (for tests of coverage). */
    public boolean namesKind(String label) {
        return file.kinds().containsKey(label) || byLabel.containsKey(label);
    }

    public boolean namesRelation(String type) {
        return file.relations().containsKey(type);
    }

    public boolean namesProperty(String key) {
        return file.properties().containsKey(key) || file.derived().stream()
                .anyMatch(d -> d.base(key).filter(file.properties()::containsKey).isPresent());
    }

    /** Every relationship type with its name. */
    public Map<String, String> relations(Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        file.relations().forEach((type, n) -> out.put(type, n.in(locale)));
        return out;
    }

    /** Every named node label (records excepted) with its name. */
    public Map<String, String> kinds(Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        file.kinds().forEach((label, n) -> out.put(label, n.in(locale)));
        return out;
    }

    /** Every named property key with its name. */
    public Map<String, String> properties(Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        file.properties().forEach((key, n) -> out.put(key, n.in(locale)));
        return out;
    }

    /**
     * What a record of the dataset says, for a lead's summary: its fact template filled from the record's
     * properties (looked up by key, null when unknown). A dataset without a template shows as
     * {@code dataset:key}.
     */
    public String fact(String dataset, Function<String, Object> values, Locale locale) {
        Name template = file.facts().get(dataset);
        if (template == null) {
            return dataset + ":" + values.apply(Records.KEY);
        }
        return fill(template.in(locale), values, locale);
    }

    static String fill(String template, Function<String, Object> values, Locale locale) {
        Matcher g = GROUP.matcher(template);
        StringBuilder sb = new StringBuilder();
        int from = 0;
        while (g.find()) {
            sb.append(placeholders(template.substring(from, g.start()), values, locale));
            String chosen = allKnown(g.group(1), values) ? g.group(1) : g.group(2) == null ? "" : g.group(2);
            sb.append(placeholders(chosen, values, locale));
            from = g.end();
        }
        return sb.append(placeholders(template.substring(from), values, locale)).toString();
    }

    private static boolean allKnown(String text, Function<String, Object> values) {
        Matcher p = PLACEHOLDER.matcher(text);
        while (p.find()) {
            if (values.apply(p.group(1)) == null) {
                return false;
            }
        }
        return true;
    }

    private static String placeholders(String text, Function<String, Object> values, Locale locale) {
        String unknown = english(locale) ? "unknown" : "不详";
        Matcher p = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (p.find()) {
            Object v = values.apply(p.group(1));
            String shown = p.group(2) == null ? String.valueOf(v) : switch (p.group(2)) {
                case "day" -> v == null ? unknown : v.toString();
                case "time" -> v instanceof LocalDateTime t ? t.format(MINUTE) : v == null ? unknown : v.toString();
                default -> "";
            };
            p.appendReplacement(sb, Matcher.quoteReplacement(shown));
        }
        p.appendTail(sb);
        return sb.toString();
    }

    private static boolean english(Locale locale) {
        return locale != null && locale.getLanguage().equals("en");
    }

    private static File read() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = Labels.class.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException("missing " + PATH);
            }
            return yaml.readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PATH, e);
        }
    }
}
