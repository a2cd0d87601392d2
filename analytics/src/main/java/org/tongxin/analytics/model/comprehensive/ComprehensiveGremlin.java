package org.tongxin.analytics.model.comprehensive;

import static org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.constant;
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
 * The comprehensive model as a Gremlin traversal: penalised person and victim (two different people), the act's
 * day, both persons' birthdays, and the criminal cases that could cover it; the rule's arithmetic on those values
 * follows the traversal.
 */
final class ComprehensiveGremlin {

    private ComprehensiveGremlin() {
    }

    static List<RuleHit> hits(GraphTraversalSource g, LocalDate asOf) {
        List<Map<String, Object>> rows = g.V().hasLabel("AdminPenalty").as("p")
                .out("PENALISED").as("o")
                .select("p").out("VICTIM").where(P.neq("o")).as("v")
                .<Object>project("rid", "key", "act", "injury", "actAt", "decided", "birth", "bd14", "bd18",
                        "obd14", "obd16", "sameIncident", "caseDates")
                .by(select("p").values("rid"))
                .by(select("p").values("key"))
                .by(select("p").values("act"))
                .by(__.coalesce(select("p").values("injury"), constant("")))
                .by(__.coalesce(select("p").values("actAt"), constant(-1L)))
                .by(select("p").values("decidedDate"))
                .by(select("v").values("birth"))
                .by(select("v").values("bd14"))
                .by(select("v").values("bd18"))
                .by(select("o").values("bd14"))
                .by(select("o").values("bd16"))
                .by(select("p").out("REFERS_TO").in("REFERS_TO").hasLabel("CriminalCase").count())
                .by(select("o").inE("PARTY").has("role", "犯罪嫌疑人").outV().out("IN_CASE")
                        .where(__.in("IN_CASE").outE("PARTY").has("role", "被害人").inV().where(P.eq("v")))
                        .in("FILES").hasLabel("CriminalCase").values("filedDate").fold())
                .toList();
        List<RuleHit> hits = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            long actAt = Rows.num(r, "actAt");
            long decided = Rows.num(r, "decided");
            long act = actAt >= 0 ? Math.floorDiv(actAt, 1440) : decided;
            boolean victimUnder14 = act >= Rows.num(r, "birth") && act <= Rows.num(r, "bd14");
            boolean victimMinor = act >= Rows.num(r, "birth") && act <= Rows.num(r, "bd18");
            boolean offender16 = act > Rows.num(r, "obd16");
            boolean offender14 = act > Rows.num(r, "obd14");
            String injury = Rows.str(r, "injury");
            List<String> rules = new ArrayList<>();
            if (Rows.str(r, "act").contains("猥亵") && victimUnder14 && offender16) {
                rules.add("R1.1");
            }
            if (victimMinor && injury != null
                    && (injury.startsWith("轻伤") && offender16 || injury.startsWith("重伤") && offender14)) {
                rules.add("R1.2");
            }
            if (rules.isEmpty() || Rows.num(r, "sameIncident") > 0) {
                continue;
            }
            boolean coveredByCase = Rows.<Number>list(r, "caseDates").stream()
                    .anyMatch(filed -> Math.abs(filed.longValue() - decided) <= 180);
            if (coveredByCase) {
                continue;
            }
            String key = LeadKey.comprehensive(Rows.str(r, "key")).toString();
            for (String rule : rules) {
                hits.add(new RuleHit(key, rule, List.of(Rows.str(r, "rid")), null, null));
            }
        }
        return hits;
    }
}
