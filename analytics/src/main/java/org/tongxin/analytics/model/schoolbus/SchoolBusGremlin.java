package org.tongxin.analytics.model.schoolbus;

import static org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.constant;
import static org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.select;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.TextP;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.tongxin.analytics.engine.Rows;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.model.lead.LeadKey;

/**
 * The school-bus model as a Gremlin traversal: every registration with its vehicle row, the permits that are valid
 * at D, its driver's birthdays, licence and disqualifying records.
 */
final class SchoolBusGremlin {

    private SchoolBusGremlin() {
    }

    static List<RuleHit> hits(GraphTraversalSource g, LocalDate asOf) {
        long d = asOf.toEpochDay();
        long threeYearsBefore = asOf.minusYears(3).toEpochDay();
        List<Map<String, Object>> rows = g.V().hasLabel("BusRegistration").as("b").out("BUS").as("veh")
                .<Object>project("brid", "plate", "vr", "permits", "driver", "lic", "bad")
                .by(select("b").values("rid"))
                .by(select("veh").values("plate"))
                .by(select("veh").in("REGISTERS").hasLabel("VehicleRegistration")
                        .project("rid", "type", "status", "inspection", "scrap")
                        .by("rid").by(__.coalesce(__.values("vehicleType"), constant("")))
                        .by("status").by(__.coalesce(__.values("inspectionValidUntil"), constant(Long.MAX_VALUE)))
                        .by(__.coalesce(__.values("scrapDate"), constant(Long.MAX_VALUE))).fold())
                .by(select("veh").in("FOR_VEHICLE").hasLabel("Permit").has("kind", "校车使用许可")
                        .or(__.hasNot("status"), __.has("status", "有效")).has("validTo", P.gte(d))
                        .or(__.hasNot("validFrom"), __.has("validFrom", P.lte(d))).count())
                .by(select("b").out("DRIVER").project("birth", "bd25", "bd61").by("birth").by("bd25").by("bd61").fold())
                .by(select("b").out("DRIVER").in("LICENCE_OF").hasLabel("DrivingLicence")
                        .project("rid", "status", "valid", "classes", "first")
                        .by("rid").by("status").by(__.coalesce(__.values("validUntil"), constant(Long.MAX_VALUE)))
                        .by(__.coalesce(__.values("classes"), constant(List.of()))).by("firstIssued").fold())
                .by(select("b").out("DRIVER").union(
                        __.in("BY").hasLabel("TrafficViolation")
                                .or(__.has("act", TextP.containing("饮酒")), __.has("act", TextP.containing("醉酒"))),
                        __.in("RECORD_OF").hasLabel("OffenceRecord").has("category", "刑事")).values("rid").fold())
                .toList();
        List<RuleHit> hits = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String key = LeadKey.schoolBus(Rows.str(r, "plate")).toString();
            String b = Rows.str(r, "brid");
            List<Map<String, Object>> vrs = Rows.list(r, "vr");
            Map<String, Object> vr = vrs.isEmpty() ? null : vrs.get(0);
            List<Map<String, Object>> drivers = Rows.list(r, "driver");
            Map<String, Object> driver = drivers.isEmpty() ? null : drivers.get(0);
            List<Map<String, Object>> lics = Rows.list(r, "lic");
            Map<String, Object> lic = lics.isEmpty() ? null : lics.get(0);
            if (vr == null) {
                hits.add(new RuleHit(key, "R5.1", List.of(b), null, null));
            } else if (!"正常".equals(Rows.str(vr, "status")) || Rows.num(vr, "inspection") < d || Rows.num(vr, "scrap") < d) {
                hits.add(new RuleHit(key, "R5.2", List.of(b, Rows.str(vr, "rid")), null, null));
            }
            if (Rows.num(r, "permits") == 0) {
                hits.add(new RuleHit(key, "R5.3", List.of(b), null, null));
            }
            if (driver == null) {
                continue;
            }
            String type = vr == null ? "" : Rows.str(vr, "type") == null ? "" : Rows.str(vr, "type");
            List<String> needed = type.contains("大型") ? List.of("A1") : type.contains("中型") ? List.of("A1", "B1")
                    : type.contains("小型") ? List.of("A1", "A3", "B1", "C1") : List.of("A1", "A3", "B1");
            boolean classFails = lic != null && Rows.<String>list(lic, "classes").stream().noneMatch(needed::contains);
            boolean licenceFails = lic != null && (!"正常".equals(Rows.str(lic, "status")) || Rows.num(lic, "valid") < d);
            if (lic == null || licenceFails || classFails) {
                List<String> ev = new ArrayList<>(List.of(b));
                if (lic != null) {
                    ev.add(Rows.str(lic, "rid"));
                }
                if (classFails && vr != null) {
                    ev.add(Rows.str(vr, "rid"));
                }
                hits.add(new RuleHit(key, "R5.4", ev, null, null));
            }
            boolean newDriver = lic != null && Rows.num(lic, "first") > threeYearsBefore;
            boolean ageFails = d <= Rows.num(driver, "bd25") || d > Rows.num(driver, "bd61");
            if (newDriver || ageFails) {
                hits.add(new RuleHit(key, "R5.5", newDriver ? List.of(b, Rows.str(lic, "rid")) : List.of(b), null, null));
            }
            List<String> bad = Rows.list(r, "bad");
            if (!bad.isEmpty()) {
                List<String> ev = new ArrayList<>(List.of(b));
                ev.addAll(bad);
                hits.add(new RuleHit(key, "R5.6", ev, null, null));
            }
        }
        return hits;
    }
}
