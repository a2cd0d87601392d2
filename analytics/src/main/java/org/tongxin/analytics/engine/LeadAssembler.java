package org.tongxin.analytics.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tongxin.analytics.lead.Evidence;
import org.tongxin.analytics.lead.Lead;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.analytics.lead.Severity;

/** Turns rule hits of one model into leads: one per key, rules and evidence merged and sorted. */
final class LeadAssembler {

    private LeadAssembler() {
    }

    static List<Lead> assemble(Model model, List<RuleHit> hits) {
        Map<String, TreeSet<String>> rules = new TreeMap<>();
        Map<String, TreeSet<Evidence>> evidence = new TreeMap<>();
        for (RuleHit h : hits) {
            rules.computeIfAbsent(h.key(), k -> new TreeSet<>()).add(h.rule());
            TreeSet<Evidence> ev = evidence.computeIfAbsent(h.key(), k -> new TreeSet<>());
            for (String rid : h.evidenceRids()) {
                if (rid != null) {
                    ev.add(Evidence.ofRid(rid));
                }
            }
        }
        List<Lead> leads = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : rules.entrySet()) {
            List<String> ruleIds = List.copyOf(e.getValue());
            boolean red = ruleIds.stream().anyMatch(r -> model.rule(r).orElseThrow(
                    () -> new IllegalStateException(model.id() + " raised an unknown rule " + r)).severity() == Severity.RED);
            Set<String> basis = new LinkedHashSet<>();
            ruleIds.forEach(r -> basis.add(model.rule(r).orElseThrow().legalBasis()));
            leads.add(new Lead(e.getKey(), model.id(), ruleIds, red ? "red" : "yellow",
                    List.copyOf(evidence.get(e.getKey())), List.copyOf(basis), model.summary(e.getKey(), ruleIds)));
        }
        return leads;
    }
}
