package org.tongxin.analytics.lead;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.tongxin.ingest.store.GraphStore;

/**
 * Adds the facts of the case to a lead's Chinese summary, read from its evidence records: what each record is,
 * when, where — never a name or an identity number, so the summary can be shown to any role. The same for
 * leads from either engine, since it reads only the evidence both return.
 */
public final class LeadFacts {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private LeadFacts() {
    }

    public static List<Lead> withFacts(GraphStore store, List<Lead> leads) {
        List<String> rids = new ArrayList<>();
        leads.forEach(l -> l.evidence().forEach(e -> rids.add(e.rid())));
        Map<String, String> facts = new HashMap<>();
        try (Session s = store.driver().session(store.session())) {
            s.run("UNWIND $rids AS rid MATCH (r:Record {rid: rid}) RETURN rid, r.dataset AS ds, properties(r) AS p",
                    Map.of("rids", rids)).forEachRemaining(r ->
                    facts.put(r.get("rid").asString(), fact(r.get("ds").asString(), r.get("p").asMap(Value::asObject))));
        }
        List<Lead> out = new ArrayList<>();
        for (Lead l : leads) {
            List<String> parts = new ArrayList<>();
            // In the order of the clear keys (as models.md orders evidence), so the sentence does not change when
            // the tokens do (a key rotation).
            List<Evidence> inOrder = l.evidence().stream().sorted(Comparator.comparing(Evidence::dataset)
                    .thenComparing(e -> store.pseudonyms().reveal(e.key()))).toList();
            for (Evidence e : inOrder) {
                String f = facts.get(e.rid());
                if (f != null && !parts.contains(f)) {
                    parts.add(f);
                }
            }
            String summary = parts.isEmpty() ? l.summary() : l.summary() + "依据：" + String.join("；", parts) + "。";
            out.add(new Lead(l.key(), l.model(), l.rules(), l.severity(), l.evidence(), l.legalBasis(), summary));
        }
        return out;
    }

    private static String fact(String dataset, Map<String, Object> p) {
        return switch (dataset) {
            case "police_admin_penalties" -> "治安处罚决定书" + p.get("key") + "（" + day(p.get("decidedDate")) + "，"
                    + p.get("act") + (p.get("injury") == null ? "" : "，伤情" + p.get("injury")) + "）";
            case "health_visits" -> "就诊记录" + p.get("key") + "（" + time(p.get("visitedAt")) + "，诊断" + p.get("icd")
                    + (p.get("diagnosis") == null ? "" : " " + p.get("diagnosis")) + "）";
            case "edu_staff" -> (p.get("unitName") == null ? "单位" + p.get("unitCode") : p.get("unitName").toString()) + "（"
                    + p.get("unitKind") + "）" + (p.get("post") == null ? "" : p.get("post")) + "，" + day(p.get("hiredDate"))
                    + "入职" + (p.get("inquiryDate") == null ? "，未见入职查询记录" : "");
            case "police_records" -> p.get("category") + "记录：" + p.get("offence") + "（" + day(p.get("decidedDate")) + "）";
            case "edu_school_buses" -> "校车登记" + p.get("key") + "（车牌" + p.get("plate") + "）";
            case "traffic_vehicles" -> "机动车" + p.get("plate") + "（" + p.get("status")
                    + (p.get("inspectionValidUntil") == null ? "" : "，检验有效期至" + day(p.get("inspectionValidUntil"))) + "）";
            case "traffic_licences" -> "驾驶证（准驾" + p.get("classes") + "，" + p.get("status") + "，初次领证"
                    + day(p.get("firstIssued")) + "）";
            case "traffic_violations" -> "交通违法" + p.get("key") + "（" + time(p.get("at")) + "，" + p.get("act") + "）";
            case "police_hotel_stays" -> (p.get("hotelName") == null ? "旅馆" + p.get("hotelCode") : p.get("hotelName").toString())
                    + p.get("room") + "房，" + time(p.get("checkIn")) + "入住";
            case "culture_netbar_sessions" -> (p.get("venueName") == null ? "网吧" + p.get("venueCode") : p.get("venueName").toString())
                    + "，" + time(p.get("startAt")) + "上机";
            case "police_venue_checks" -> "场所检查" + p.get("checkNo") + "（" + time(p.get("checkedAt")) + "）";
            case "registry_venues" -> p.get("name") + "（" + p.get("kind") + "）";
            case "edu_students" -> "学籍登记" + p.get("key") + "（列明的监护人）";
            case "police_residents" -> "户籍登记：死亡日期" + day(p.get("deathDate"));
            default -> dataset + ":" + p.get("key");
        };
    }

    private static String day(Object v) {
        return v == null ? "不详" : v.toString();
    }

    private static String time(Object v) {
        return v instanceof LocalDateTime t ? t.format(MINUTE) : day(v);
    }
}
