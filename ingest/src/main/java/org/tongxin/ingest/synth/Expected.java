package org.tongxin.ingest.synth;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tongxin.model.lead.LeadKey;

/**
 * The answer key of a generated city: every lead the planted cases must raise (key → rules), the near misses
 * that must raise nothing, and the venue levels that follow at the as-of date. Keys are built by {@link LeadKey},
 * as the Gremlin models build theirs, and written as its strings.
 */
final class Expected {

    /** A planted situation that must not raise the named lead. */
    record NearMiss(String key, String why) {
    }

    /** A venue lead's event at a venue, for the venue level. */
    record VenueEvent(String key, LocalDateTime at, boolean r61) {
    }

    final Map<String, TreeSet<String>> leads = new TreeMap<>();
    final Map<String, String> why = new TreeMap<>();
    final List<NearMiss> nearMisses = new ArrayList<>();
    final Map<String, Map<String, VenueEvent>> venueEvents = new TreeMap<>();

    void lead(LeadKey lead, String rule, String description) {
        String key = lead.toString();
        leads.computeIfAbsent(key, k -> new TreeSet<>()).add(rule);
        why.merge(key, description, (a, b) -> a.equals(b) ? a : a + "; " + b);
    }

    void nearMiss(LeadKey key, String description) {
        nearMisses.add(new NearMiss(key.toString(), description));
    }

    void venueLead(String venue, LeadKey lead, LocalDateTime at, String rule, String description) {
        lead(lead, rule, description);
        String key = lead.toString();
        Map<String, VenueEvent> events = venueEvents.computeIfAbsent(venue, v -> new TreeMap<>());
        VenueEvent old = events.get(key);
        events.put(key, new VenueEvent(key, at, rule.equals("R6.1") || old != null && old.r61()));
    }

    /** models.md: count venue leads with event time in [D − 90 days, D] (whole days). */
    Map<String, Object> venueLevel(String venue, LocalDate asOf) {
        List<VenueEvent> events = venueEvents.getOrDefault(venue, Map.of()).values().stream()
                .filter(e -> !e.at().toLocalDate().isBefore(asOf.minusDays(90)) && !e.at().toLocalDate().isAfter(asOf))
                .toList();
        String level = events.isEmpty() ? "green"
                : events.size() >= 3 || events.stream().anyMatch(VenueEvent::r61) ? "red" : "yellow";
        return Map.of("level", level, "leads", events.size());
    }

    /** A generator bug, not a data problem: a near miss whose key was also planted as a lead. */
    void check() {
        for (NearMiss n : nearMisses) {
            if (leads.containsKey(n.key())) {
                throw new IllegalStateException("near miss " + n.key() + " is also a planted lead: " + n.why());
            }
        }
    }
}
