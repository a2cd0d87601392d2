package org.tongxin.ingest.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dataset mappings shipped in {@code org/tongxin/ingest/mappings}, listed in its {@code index.txt}. */
public final class Mappings {

    private static final String DIR = "/org/tongxin/ingest/mappings/";
    private static final Mappings BUNDLED = load();

    private final Map<String, DatasetMapping> byDataset;

    private Mappings(Map<String, DatasetMapping> byDataset) {
        this.byDataset = byDataset;
    }

    public static Mappings bundled() {
        return BUNDLED;
    }

    public Optional<DatasetMapping> get(String dataset) {
        return Optional.ofNullable(byDataset.get(dataset));
    }

    public Collection<DatasetMapping> all() {
        return byDataset.values();
    }

    private static Mappings load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
        Map<String, DatasetMapping> map = new LinkedHashMap<>();
        for (String file : index()) {
            try (InputStream in = Mappings.class.getResourceAsStream(DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("mapping listed but missing: " + file);
                }
                DatasetMapping m = yaml.readValue(in, DatasetMapping.class);
                if (!file.equals(m.dataset() + ".yaml")) {
                    throw new IllegalStateException(file + " describes dataset " + m.dataset());
                }
                map.put(m.dataset(), m);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read mapping " + file, e);
            }
        }
        return new Mappings(Collections.unmodifiableMap(map));
    }

    private static List<String> index() {
        try (InputStream in = Mappings.class.getResourceAsStream(DIR + "index.txt")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> files = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    files.add(line.strip());
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
