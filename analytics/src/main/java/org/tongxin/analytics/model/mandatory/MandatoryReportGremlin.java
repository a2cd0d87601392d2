package org.tongxin.analytics.model.mandatory;

import static org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.select;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.tongxin.analytics.engine.Rows;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.model.lead.LeadKey;

/**
 * The mandatory-report model as a Gremlin traversal: each visit with its patient's birthdays and sex, the report
 * times about the patient and the filing dates of criminal cases with the patient as victim.
 */
final class MandatoryReportGremlin {

    private MandatoryReportGremlin() {
    }

    static List<RuleHit> hits(GraphTraversalSource g, LocalDate asOf) {
        List<Map<String, Object>> rows = g.V().hasLabel("MedicalVisit").as("v").out("PATIENT").as("p")
                .where("v", P.gte("p")).by("visitedAt").by("birthMinute").where("v", P.lt("p")).by("visitedAt").by("minorUntilMinute")
                .<Object>project("rid", "key", "at", "icd", "sex", "birth", "bd14", "bd18", "reports", "cases")
                .by(select("v").values("rid"))
                .by(select("v").values("key"))
                .by(select("v").values("visitedAt"))
                .by(select("v").values("icd"))
                .by(__.coalesce(select("p").values("sex"), __.constant("")))
                .by(select("p").values("birth"))
                .by(select("p").values("bd14"))
                .by(select("p").values("bd18"))
                .by(select("p").in("CONCERNS").hasLabel("MandatoryReport").values("reportedAt").fold())
                .by(select("p").inE("PARTY").has("role", "被害人").outV().out("IN_CASE").in("FILES")
                        .hasLabel("CriminalCase").values("filedDate").fold())
                .toList();
        List<RuleHit> hits = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            long day = Math.floorDiv(Rows.num(r, "at"), 1440);
            if (day < Rows.num(r, "birth") || day > Rows.num(r, "bd18")) {
                continue;
            }
            String c = Rows.str(r, "icd");
            List<String> rules = new ArrayList<>();
            if ("女".equals(Rows.str(r, "sex")) && day <= Rows.num(r, "bd14")
                    && (within(c, "O00", "O99") || within(c, "Z33", "Z37"))) {
                rules.add("R2.1");
            }
            if (c.startsWith("T742") || c.startsWith("Y05") || c.startsWith("S302") || within(c, "S312", "S315")) {
                rules.add("R2.2");
            }
            if (c.startsWith("T74") && !c.startsWith("T742") || within(c, "X85", "Y09") && !c.startsWith("Y05")
                    || within(c, "T00", "T07")) {
                rules.add("R2.3");
            }
            if (within(c, "X60", "X84")) {
                rules.add("R2.4");
            }
            if (within(c, "E40", "E43")) {
                rules.add("R2.5");
            }
            if (rules.isEmpty()) {
                continue;
            }
            boolean reported = Rows.<Number>list(r, "reports").stream()
                    .map(m -> Math.floorDiv(m.longValue(), 1440)).anyMatch(d -> d >= day - 1 && d <= day + 7);
            boolean caseFiled = Rows.<Number>list(r, "cases").stream().anyMatch(d -> Math.abs(d.longValue() - day) <= 30);
            if (reported || caseFiled) {
                continue;
            }
            String key = LeadKey.mandatoryReport(Rows.str(r, "key")).toString();
            for (String rule : rules) {
                hits.add(new RuleHit(key, rule, List.of(Rows.str(r, "rid")), null, null));
            }
        }
        return hits;
    }

    /** A bound of n characters compares the code's first n characters. */
    static boolean within(String code, String from, String to) {
        int n = from.length();
        if (code.length() < n) {
            return false;
        }
        String head = code.substring(0, n);
        return head.compareTo(from) >= 0 && head.compareTo(to) <= 0;
    }
}
