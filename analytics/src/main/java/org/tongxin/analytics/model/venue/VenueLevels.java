package org.tongxin.analytics.model.venue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongxin.analytics.lead.RuleHit;

/**
 * Venue level at D (models.md): count the venue leads at a venue whose event time is within [D − 90 days, D];
 * none = green, 1–2 = yellow, 3 or more — or any with R6.1 among them — red.
 */
public final class VenueLevels {

    /** One line of {@code tongxin venues --format jsonl}. */
    public record Level(String venue, String level, int leads) {
    }

    private VenueLevels() {
    }

    /**
     * @param venues every registered venue code, sorted
     * @param hits   the venue model's rule hits (each carries its venue and event time)
     */
    public static List<Level> of(List<String> venues, List<RuleHit> hits, LocalDate asOf) {
        Map<String, Set<String>> keys = new HashMap<>();
        Set<String> withR61 = new HashSet<>();
        for (RuleHit h : hits) {
            if (h.venue() == null || h.at() == null) {
                continue;
            }
            LocalDate day = h.at().toLocalDate();
            if (day.isBefore(asOf.minusDays(90)) || day.isAfter(asOf)) {
                continue;
            }
            keys.computeIfAbsent(h.venue(), v -> new HashSet<>()).add(h.key());
            if (h.rule().equals("R6.1")) {
                withR61.add(h.venue());
            }
        }
        List<Level> out = new ArrayList<>();
        for (String v : venues) {
            int n = keys.getOrDefault(v, Set.of()).size();
            String level = n == 0 ? "green" : n >= 3 || withR61.contains(v) ? "red" : "yellow";
            out.add(new Level(v, level, n));
        }
        return out;
    }
}
