package org.tongxin.model.id;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GB/T 2260 region codes with the years each was in use, for the first six digits of an identity
 * number. A code may appear several times (reused for another county); its windows are kept apart.
 */
public final class RegionCodes {

    /** One period in which a code was in use; a null bound is open. */
    public record Window(String name, Integer fromYear, Integer toYear) {
        boolean inUseBy(int year) {
            return toYear == null || toYear >= year;
        }
    }

    /** What the region rule says for a code and a birth year. */
    public enum Verdict { VALID, VALID_CODE_NEWER_THAN_BIRTH, ABOLISHED_BEFORE_BIRTH, UNKNOWN }

    private static final RegionCodes BUNDLED = load();

    private final Map<String, List<Window>> windows;

    private RegionCodes(Map<String, List<Window>> windows) {
        this.windows = Map.copyOf(windows);
    }

    public static RegionCodes bundled() {
        return BUNDLED;
    }

    public int size() {
        return windows.size();
    }

    public Optional<String> name(String code) {
        List<Window> w = windows.get(code);
        return w == null ? Optional.empty() : Optional.of(w.get(w.size() - 1).name());
    }

    /**
     * The datasets.md rule: a code never listed, or abolished before the birth year, is invalid; a code that
     * came into use only after the birth year is valid (numbers issued after 1999 carry the code current at
     * registration), with a warning.
     */
    public Verdict check(String code, int birthYear) {
        List<Window> list = windows.get(code);
        if (list == null) {
            return Verdict.UNKNOWN;
        }
        boolean usable = false;
        boolean startedByBirth = false;
        for (Window w : list) {
            if (w.inUseBy(birthYear)) {
                usable = true;
                if (w.fromYear() == null || w.fromYear() <= birthYear) {
                    startedByBirth = true;
                }
            }
        }
        if (!usable) {
            return Verdict.ABOLISHED_BEFORE_BIRTH;
        }
        return startedByBirth ? Verdict.VALID : Verdict.VALID_CODE_NEWER_THAN_BIRTH;
    }

    private static RegionCodes load() {
        Map<String, List<Window>> map = new HashMap<>();
        read("gbt2260_codes_with_history.csv", map);
        read("residence_permit_codes.csv", map);
        return new RegionCodes(map);
    }

    private static void read(String resource, Map<String, List<Window>> into) {
        try (InputStream in = RegionCodes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f.length < 5) {
                    continue;
                }
                into.computeIfAbsent(f[0], k -> new ArrayList<>(1))
                        .add(new Window(f[2], year(f[3]), year(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Integer year(String s) {
        return s.isBlank() ? null : Integer.valueOf(s.trim());
    }
}
