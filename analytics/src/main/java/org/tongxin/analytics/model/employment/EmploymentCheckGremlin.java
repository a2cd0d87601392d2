package org.tongxin.analytics.model.employment;

import static org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.select;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.TextP;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.tongxin.analytics.engine.Rows;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.model.lead.LeadKey;

/** The employment-check model as a Gremlin traversal: close-contact staff employed at D with a listed record. */
final class EmploymentCheckGremlin {

    private EmploymentCheckGremlin() {
    }

    static List<RuleHit> hits(GraphTraversalSource g, LocalDate asOf) {
        long d = asOf.toEpochDay();
        // One has() per word inside or(): a chain of P.or predicates does not survive the trip to a remote server
        // whole (measured on Gremlin Server 3.8 with GraphBinary), a list of traversals does.
        @SuppressWarnings("unchecked")
        Traversal<Object, Object>[] listed = EmploymentCheckModel.OFFENCES.stream()
                .map(w -> __.has("offence", TextP.containing(w))).toArray(Traversal[]::new);
        List<Map<String, Object>> rows = g.V().hasLabel("Employment")
                .has("unitKind", P.within(EmploymentCheckModel.CLOSE_CONTACT))
                .has("hiredDate", P.lte(d))
                .or(__.hasNot("leftDate"), __.has("leftDate", P.gt(d))).as("s")
                .out("EMPLOYEE").as("p")
                .in("RECORD_OF").hasLabel("OffenceRecord").or(listed).as("r")
                .<Object>project("id", "unit", "hired", "srid", "decided", "rrid")
                .by(select("p").values("id"))
                .by(select("s").values("unitCode"))
                .by(select("s").values("hiredDate"))
                .by(select("s").values("rid"))
                .by(select("r").values("decidedDate"))
                .by(select("r").values("rid"))
                .toList();
        List<RuleHit> hits = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String rule = Rows.num(r, "decided") < Rows.num(r, "hired") ? "R3.1" : "R3.2";
            hits.add(new RuleHit(LeadKey.employmentCheck(Rows.str(r, "id"), Rows.str(r, "unit")).toString(), rule,
                    List.of(Rows.str(r, "srid"), Rows.str(r, "rrid")), null, null));
        }
        return hits;
    }
}
