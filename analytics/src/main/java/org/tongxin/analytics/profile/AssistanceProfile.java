package org.tongxin.analytics.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.id.IdNumber;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.privacy.Pseudonyms;

/**
 * The precise-assistance profile of one minor (精准帮教, models.md): identity (masked), guardians and what is known
 * of them, school, civil-affairs category, involvement as offender or victim, venues and night events, associates
 * within two hops who have records — and the risk factors that follow, each with the records that raised it, and
 * the measures they suggest. No leads.
 *
 * <p>Associates: one hop joins two persons through a shared household, a guardianship, a case, an administrative
 * penalty or a hotel room stay; two hops is an associate's associate.
 */
public final class AssistanceProfile {

    /** A risk factor and the records behind it. */
    public record RiskFactor(String code, String zh, List<String> evidence) {
    }

    /** The whole profile, ready for JSON. */
    public record Profile(Map<String, Object> identity, List<Map<String, Object>> guardians,
                          List<Map<String, Object>> schools, List<String> civilAffairs,
                          List<Map<String, Object>> involvement, List<Map<String, Object>> venues,
                          List<Map<String, Object>> associatesWithRecords, List<RiskFactor> riskFactors,
                          List<String> measures) {
    }

    private AssistanceProfile() {
    }

    public static Optional<Profile> of(GraphStore store, String id, LocalDate asOf) {
        IdNumber.Check check = IdNumber.check(id);
        if (!check.valid()) {
            throw new IllegalArgumentException("not a valid identity number: " + check.reason());
        }
        String pid = check.id().value();
        Pseudonyms seal = store.pseudonyms();
        String token = seal.seal(PiiKind.ID, pid);
        try (Session s = store.driver().session(store.session())) {
            return s.executeRead(tx -> {
                List<Record> person = tx.run("MATCH (p:Person {id: $id}) RETURN p.name AS name, p.sex AS sex, "
                        + "p.birthDate AS birth", Map.of("id", token)).list();
                if (person.isEmpty()) {
                    return Optional.empty();
                }
                Map<String, Object> params = Map.of("id", token, "asOf", asOf);
                Map<String, Object> identity = new LinkedHashMap<>();
                identity.put("id", IdNumber.mask(pid));
                identity.put("name", person.get(0).get("name").asString(null));
                identity.put("sex", person.get(0).get("sex").asString(null));
                identity.put("birthDate", person.get(0).get("birth").asLocalDate().toString());
                identity.put("age", check.id().ageAt(asOf));
                identity.put("minor", check.id().isMinorAt(asOf));

                List<Map<String, Object>> guardians = maps(tx.run("""
                        MATCH (p:Person {id: $id})-[gb:GUARDED_BY]->(g:Person)
                        RETURN g.id AS id, g.name AS name, gb.relation AS relation, gb.src AS listedIn,
                               g.deathDate IS NOT NULL AND g.deathDate <= $asOf AS deceased,
                               [(g)<-[:RECORD_OF]-(r:OffenceRecord) | r.rid] AS records,
                               [(g)<-[:PENALISED]-(pen:AdminPenalty)-[:VICTIM]->(p) | pen.rid] AS harmedThisChild,
                               EXISTS { MATCH (p)-[:MEMBER_OF]->(:Household)<-[:MEMBER_OF]-(g) } AS sameHousehold
                        ORDER BY listedIn, id
                        """, params).list());
                guardians.forEach(g -> g.put("id", IdNumber.mask(seal.reveal((String) g.get("id")))));
                List<Map<String, Object>> schools = maps(tx.run("""
                        MATCH (p:Person {id: $id})<-[:STUDENT]-(e:Enrolment)
                        OPTIONAL MATCH (e)-[:AT]->(u:Unit)
                        RETURN e.rid AS rid, coalesce(u.name, e.schoolName) AS school, e.grade AS grade, e.status AS status
                        ORDER BY rid
                        """, params).list());
                List<String> civil = tx.run("MATCH (p:Person {id: $id})<-[:STATUS_OF]-(c:ChildStatus) "
                        + "RETURN c.category AS c ORDER BY c", params).list(r -> r.get("c").asString());
                List<Map<String, Object>> involvement = maps(tx.run("""
                        MATCH (p:Person {id: $id})<-[rel:PENALISED|VICTIM]-(a:AdminPenalty)
                        RETURN a.rid AS rid, a.dataset AS dataset, CASE type(rel) WHEN 'PENALISED' THEN '被处罚人' ELSE '被侵害人' END AS role,
                               a.act AS what, toString(a.decidedDate) AS date
                        UNION ALL
                        MATCH (p:Person {id: $id})<-[party:PARTY]-(cp:CaseParty)-[:IN_CASE]->(:Case)<-[:FILES]-(c:CriminalCase)
                        RETURN c.rid AS rid, c.dataset AS dataset, party.role AS role, c.cause AS what, toString(c.filedDate) AS date
                        UNION ALL
                        MATCH (p:Person {id: $id})<-[:RECORD_OF]-(r:OffenceRecord)
                        RETURN r.rid AS rid, r.dataset AS dataset, '违法犯罪记录' AS role, r.offence AS what, toString(r.decidedDate) AS date
                        """, params).list());
                List<Map<String, Object>> venues = maps(tx.run("""
                        MATCH (p:Person {id: $id})<-[:USER|GUEST|FOUND]-(ev:Record)-[:AT]->(v:Venue)
                        WITH v, ev, coalesce(ev.startAt, ev.checkIn, ev.checkedAt) AS at,
                             coalesce(ev.startAtHasTime, ev.checkInHasTime, ev.checkedAtHasTime, false) AS timed
                        RETURN v.code AS venue, v.name AS name, coalesce(v.kind, '未登记') AS kind, count(ev) AS visits,
                               count(CASE WHEN timed AND (at.hour >= 22 OR at.hour < 5) THEN 1 END) AS nightEvents,
                               collect(ev.rid) AS records
                        ORDER BY venue
                        """, params).list());
                List<Map<String, Object>> associates = maps(tx.run("""
                        MATCH (p:Person {id: $id})
                        CALL (p) {
                          MATCH (p)-[:MEMBER_OF]->(:Household)<-[:MEMBER_OF]-(q:Person) RETURN q
                          UNION MATCH (p)-[:GUARDED_BY]-(q:Person) RETURN q
                          UNION MATCH (p)<-[:PARTY]-(:CaseParty)-[:IN_CASE]->(:Case)<-[:IN_CASE]-(:CaseParty)-[:PARTY]->(q:Person) RETURN q
                          UNION MATCH (p)<-[:PENALISED|VICTIM]-(:AdminPenalty)-[:PENALISED|VICTIM]->(q:Person) RETURN q
                        }
                        WITH p, collect(DISTINCT q) AS first
                        UNWIND first AS q
                        CALL (q) {
                          MATCH (q)-[:MEMBER_OF]->(:Household)<-[:MEMBER_OF]-(r:Person) RETURN r
                          UNION MATCH (q)-[:GUARDED_BY]-(r:Person) RETURN r
                          UNION MATCH (q)<-[:PARTY]-(:CaseParty)-[:IN_CASE]->(:Case)<-[:IN_CASE]-(:CaseParty)-[:PARTY]->(r:Person) RETURN r
                          UNION MATCH (q)<-[:PENALISED|VICTIM]-(:AdminPenalty)-[:PENALISED|VICTIM]->(r:Person) RETURN r
                        }
                        WITH p, first, collect(DISTINCT r) AS second
                        UNWIND [x IN first | {person: x, hops: 1}] + [x IN second WHERE NOT x IN first AND x <> p | {person: x, hops: 2}] AS a
                        WITH a.person AS q, min(a.hops) AS hops
                        MATCH (q)<-[:RECORD_OF]-(r:OffenceRecord)
                        RETURN q.id AS id, q.name AS name, hops, collect(r.offence) AS offences, collect(r.rid) AS records
                        ORDER BY hops, id
                        """, params).list());
                associates.forEach(a -> a.put("id", IdNumber.mask(seal.reveal((String) a.get("id")))));
                List<RiskFactor> risks = risks(guardians, schools, civil, involvement, venues, associates);
                return Optional.of(new Profile(identity, guardians, schools, civil, involvement, venues, associates,
                        risks, measures(risks, civil)));
            });
        }
    }

    private static List<Map<String, Object>> maps(List<Record> records) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Record r : records) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String k : r.keys()) {
                Value v = r.get(k);
                m.put(k, v.isNull() ? null : v.asObject());
            }
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? (List<String>) l : List.of();
    }

    private static List<RiskFactor> risks(List<Map<String, Object>> guardians, List<Map<String, Object>> schools,
                                          List<String> civil, List<Map<String, Object>> involvement,
                                          List<Map<String, Object>> venues, List<Map<String, Object>> associates) {
        List<RiskFactor> out = new ArrayList<>();
        List<String> ev = new ArrayList<>();
        guardians.stream().filter(g -> Boolean.TRUE.equals(g.get("deceased"))).forEach(g -> ev.add((String) g.get("listedIn")));
        if (!guardians.isEmpty() && ev.size() == guardians.size()) {
            out.add(new RiskFactor("guardians-deceased", "登记的监护人均已死亡", List.copyOf(ev)));
        }
        List<String> rec = new ArrayList<>();
        guardians.forEach(g -> rec.addAll(strings(g.get("records"))));
        if (!rec.isEmpty()) {
            out.add(new RiskFactor("guardian-record", "监护人有违法犯罪记录", rec));
        }
        List<String> harmed = new ArrayList<>();
        guardians.forEach(g -> harmed.addAll(strings(g.get("harmedThisChild"))));
        if (!harmed.isEmpty()) {
            out.add(new RiskFactor("guardian-harmed-child", "监护人侵害本人受到治安处罚", harmed));
        }
        List<String> out0 = schools.stream().filter(s -> "辍学".equals(s.get("status")) || "休学".equals(s.get("status")))
                .map(s -> (String) s.get("rid")).toList();
        if (!out0.isEmpty()) {
            out.add(new RiskFactor("out-of-school", "辍学或休学", out0));
        }
        if (!civil.isEmpty()) {
            out.add(new RiskFactor("civil-affairs", "民政登记：" + String.join("、", civil), List.of()));
        }
        List<String> victim = involvement.stream().filter(i -> "被侵害人".equals(i.get("role")) || "被害人".equals(i.get("role")))
                .map(i -> (String) i.get("rid")).toList();
        if (!victim.isEmpty()) {
            out.add(new RiskFactor("victim", "曾为案件或治安案件被害人", victim));
        }
        List<String> offender = involvement.stream().filter(i -> !"被侵害人".equals(i.get("role")) && !"被害人".equals(i.get("role")))
                .map(i -> (String) i.get("rid")).toList();
        if (!offender.isEmpty()) {
            out.add(new RiskFactor("offender", "曾有违法犯罪行为", offender));
        }
        List<String> nights = new ArrayList<>();
        venues.stream().filter(v -> ((Number) v.get("nightEvents")).longValue() > 0).forEach(v -> nights.addAll(strings(v.get("records"))));
        if (!nights.isEmpty()) {
            out.add(new RiskFactor("night-out", "夜间（22时至5时）出入网吧、娱乐场所或住宿", nights));
        }
        List<String> places = new ArrayList<>();
        venues.stream().filter(v -> List.of("网吧", "歌舞娱乐", "酒吧", "游艺厅", "剧本娱乐").contains(v.get("kind")))
                .forEach(v -> places.addAll(strings(v.get("records"))));
        if (!places.isEmpty()) {
            out.add(new RiskFactor("unsuitable-venues", "出入不适宜未成年人的场所", places));
        }
        List<String> assoc = new ArrayList<>();
        associates.forEach(a -> assoc.addAll(strings(a.get("records"))));
        if (!assoc.isEmpty()) {
            out.add(new RiskFactor("associates-with-records", "两层关系内有违法犯罪记录人员", assoc));
        }
        return out;
    }

    private static List<String> measures(List<RiskFactor> risks, List<String> civil) {
        List<String> codes = risks.stream().map(RiskFactor::code).toList();
        List<String> m = new ArrayList<>();
        if (codes.contains("guardian-harmed-child") || codes.contains("night-out") || codes.contains("guardian-record")) {
            m.add("督促监护令（未成年人保护法 第118条）");
        }
        if (codes.contains("night-out") || codes.contains("unsuitable-venues") || codes.contains("out-of-school")) {
            m.add("家庭教育指导令（家庭教育促进法 第49条）");
        }
        if (codes.contains("guardians-deceased") && civil.isEmpty()) {
            m.add("转介民政部门，落实事实无人抚养儿童保障");
        }
        if (codes.contains("victim") || codes.contains("offender") || codes.contains("associates-with-records")) {
            m.add("指派司法社工或心理咨询师跟进帮教");
        }
        if (codes.contains("victim")) {
            m.add("法治教育课程：防性侵、防欺凌");
        }
        if (codes.contains("unsuitable-venues") || codes.contains("night-out")) {
            m.add("法治教育课程：网络安全、远离不良场所");
        }
        if (codes.contains("offender")) {
            m.add("法治教育课程：预防未成年人犯罪");
        }
        return m;
    }
}
