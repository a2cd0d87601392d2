package org.tongxin.api.order;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.tongxin.analytics.profile.AssistanceProfile;
import org.tongxin.api.casework.Steps;
import org.tongxin.api.export.ChineseText;
import org.tongxin.api.export.Letterhead;
import org.tongxin.api.export.OrderDocument;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.graph.Values;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Bodies;
import org.tongxin.domain.law.LawTexts;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.privacy.Pseudonyms;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.time.LegalAge;

/**
 * Orders to guardians in the graph: {@code (:Order)-[:FOR_MINOR]->(:Person)}, {@code -[:FROM_LEAD]->(:Lead)} when
 * drafted from a guardianship lead. Drafted with the facts of the lead or the minor's profile, the legal basis of
 * its kind and the usual duties; edited while a draft; issued to a guardian's account; acknowledged by that
 * guardian online; followed up with visits and notes; closed. Each step is a {@link Steps} entry.
 */
public final class Orders {

    /** A draft request: the kind, a lead ref or a person node, and anything to set instead of the defaults. */
    public record Draft(String kind, String lead, String person, String facts, List<String> requirements, String dueBy,
                        String guardianUser, String guardianName) {
    }

    static final Map<String, Set<String>> NEXT = Map.of(
            "draft", Set.of("issued", "cancelled"),
            "issued", Set.of("acknowledged", "closed"),
            "acknowledged", Set.of("closed"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GraphStore store;
    private final LawTexts laws;

    public Orders(GraphStore store, LawTexts laws) {
        this.store = store;
        this.laws = laws;
    }

    /**
     * Drafts an order for a minor (identity number), from a guardianship lead ({@code leadRef}, its summary) or from
     * the profile; the facts default to the lead's summary or the profile's risk factors.
     */
    public Map<String, Object> draft(String by, Draft d, String minorId, String leadRef, String leadSummary, LocalDate asOf) {
        OrderKind kind = OrderKind.of(d.kind() == null ? "" : d.kind())
                .orElseThrow(() -> new ApiException.BadRequest("'kind' is supervision (督促监护令) or guidance (家庭教育指导令)"));
        AssistanceProfile.Profile profile = AssistanceProfile.of(store, minorId, asOf)
                .orElseThrow(() -> new ApiException.NotFound("no person for that order"));
        if (!Boolean.TRUE.equals(profile.identity().get("minor"))) {
            throw new ApiException.Refused("an order to a guardian concerns a minor; this person is not one on " + asOf);
        }
        Map<String, Object> guardian = profile.guardians().stream().filter(g -> !Boolean.TRUE.equals(g.get("deceased")))
                .findFirst().orElse(Map.of());
        String facts = d.facts() != null && !d.facts().isBlank() ? Bodies.text(d.facts(), "facts", 4000, true)
                : leadSummary != null ? ChineseText.prose(leadSummary)
                : String.join("；", profile.riskFactors().stream().map(AssistanceProfile.RiskFactor::zh).toList());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", "O" + asOf.getYear() + HexFormat.of().formatHex(RANDOM.generateSeed(3)).toUpperCase());
        p.put("kind", kind.code());
        // Names, the minor's number and the facts are sealed: the analysts' console reads the graph, orders are not theirs.
        Pseudonyms seal = store.pseudonyms();
        p.put("minorId", seal.seal(PiiKind.ID, minorId));
        p.put("minorName", seal.seal(PiiKind.TEXT, String.valueOf(profile.identity().getOrDefault("name", ""))));
        // With every listed guardian dead (rule R7.2) there is no one to name yet: the prosecutor names who has care.
        p.put("guardianName", seal.seal(PiiKind.TEXT, d.guardianName() != null && !d.guardianName().isBlank()
                ? Bodies.text(d.guardianName(), "guardianName", 64, true) : String.valueOf(guardian.getOrDefault("name", ""))));
        p.put("guardianRelation", guardian.getOrDefault("relation", ""));
        p.put("guardianUser", d.guardianUser() == null ? "" : d.guardianUser().strip());
        p.put("leadRef", leadRef);
        p.put("facts", seal.seal(PiiKind.TEXT, facts.isBlank() ? "（请填写事实）" : facts));
        p.put("requirements", requirements(d.requirements(), kind));
        p.put("dueBy", dueBy(d.dueBy(), asOf.plusDays(30), asOf));
        p.put("createdAt", LocalDateTime.now(LegalAge.ZONE).withNano(0));
        p.put("createdBy", by);
        try (Session s = store.driver().session(store.session())) {
            return s.executeWrite(tx -> {
                tx.run("""
                        MATCH (m:Person {id: $p.minorId})
                        CREATE (o:Order) SET o = $p, o.status = 'draft'
                        CREATE (o)-[:FOR_MINOR]->(m)
                        WITH o OPTIONAL MATCH (l:Lead {ref: $p.leadRef})
                        FOREACH (_ IN CASE WHEN l IS NULL THEN [] ELSE [1] END | CREATE (o)-[:FROM_LEAD]->(l))
                        """, Map.of("p", p)).consume();
                Steps.apply(tx, "Order", (String) p.get("id"), NEXT, null, "drafted", by, "", Map.of());
                return detail(tx, (String) p.get("id"));
            });
        }
    }

    /** Changes a draft: facts, duties, due date, the guardian's account. */
    public Map<String, Object> edit(String id, Draft d, LocalDate asOf) {
        try (Session s = store.driver().session(store.session())) {
            return s.executeWrite(tx -> {
                Map<String, Object> o = detail(tx, id);
                if (!"draft".equals(o.get("status"))) {
                    throw new ApiException.Conflict("only a draft can be changed; this order is " + o.get("status"));
                }
                OrderKind kind = OrderKind.of((String) o.get("kind")).orElseThrow();
                Map<String, Object> set = new HashMap<>();
                if (d.facts() != null) {
                    set.put("facts", store.pseudonyms().seal(PiiKind.TEXT, Bodies.text(d.facts(), "facts", 4000, true)));
                }
                if (d.requirements() != null) {
                    set.put("requirements", requirements(d.requirements(), kind));
                }
                if (d.dueBy() != null && !d.dueBy().isBlank()) {
                    set.put("dueBy", dueBy(d.dueBy(), null, asOf));
                }
                if (d.guardianName() != null && !d.guardianName().isBlank()) {
                    set.put("guardianName", store.pseudonyms().seal(PiiKind.TEXT, Bodies.text(d.guardianName(), "guardianName", 64, true)));
                }
                if (d.guardianUser() != null) {
                    set.put("guardianUser", d.guardianUser().strip());
                }
                tx.run("MATCH (o:Order {id: $id}) SET o += $set", Map.of("id", id, "set", set)).consume();
                return detail(tx, id);
            });
        }
    }

    /** A status step ({@code to}) or, with {@code to == null}, a follow-up of {@code kind} visit or note. */
    public Map<String, Object> step(String id, String to, String kind, String by, String note) {
        try (Session s = store.driver().session(store.session())) {
            return s.executeWrite(tx -> {
                if (to == null) {
                    String status = detail(tx, id).get("status").toString();
                    if (!Set.of("issued", "acknowledged").contains(status)) {
                        throw new ApiException.Conflict("follow-ups are recorded on issued orders; this one is " + status);
                    }
                }
                Steps.apply(tx, "Order", id, NEXT, to, kind, by, note == null ? null : store.pseudonyms().seal(PiiKind.TEXT, note), Map.of());
                if (to != null) {
                    tx.run("MATCH (o:Order {id: $id}) SET o[$field] = $at",
                            Map.of("id", id, "field", to + "At", "at", LocalDateTime.now(LegalAge.ZONE).withNano(0))).consume();
                }
                return detail(tx, id);
            });
        }
    }

    public void linkThread(String id, String thread) {
        try (Session s = store.driver().session(store.session())) {
            s.executeWrite(tx -> tx.run("MATCH (o:Order {id: $id}) SET o.thread = $t", Map.of("id", id, "t", thread)).consume());
        }
    }

    /** Orders, newest first; for a guardian only those issued to them (never drafts). */
    public List<Map<String, Object>> list(String guardianUser) {
        try (Session s = store.driver().session(store.session())) {
            return s.executeRead(tx -> tx.run("""
                    MATCH (o:Order) WHERE $g IS NULL OR (o.guardianUser = $g AND o.status <> 'draft' AND o.status <> 'cancelled')
                    RETURN o.id AS id ORDER BY o.createdAt DESC, o.id LIMIT 500
                    """, org.neo4j.driver.Values.parameters("g", guardianUser)).list(r -> r.get("id").asString()).stream().map(id -> detail(tx, id)).toList());
        }
    }

    public Map<String, Object> detail(String id) {
        try (Session s = store.driver().session(store.session())) {
            return s.executeRead(tx -> detail(tx, id));
        }
    }

    private Map<String, Object> detail(TransactionContext tx, String id) {
        var rows = tx.run("MATCH (o:Order {id: $id})-[:FOR_MINOR]->(m:Person) RETURN properties(o) AS o, elementId(m) AS minor",
                Map.of("id", id)).list();
        if (rows.isEmpty()) {
            throw new ApiException.NotFound("no order " + id);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> o = new LinkedHashMap<>((Map<String, Object>) Values.plain(rows.get(0).get("o")));
        o.remove("stepSeq");
        o.put("minorNode", rows.get(0).get("minor").asString());
        OrderKind kind = OrderKind.of((String) o.get("kind")).orElseThrow();
        o.put("kindZh", kind.zh());
        o.put("statusZh", STATUS_ZH.getOrDefault(String.valueOf(o.get("status")), ""));
        o.put("basis", kind.law() + " " + kind.article());
        o.put("basisLaw", kind.law());
        o.put("basisArticle", kind.article());
        o.put("basisText", laws.article(kind.law(), kind.article()).map(LawTexts.Article::text).orElse(null));
        o.put("steps", Steps.list(tx, "Order", id));
        // Past its due date and still open: the guardian has not done what the order asked in time.
        o.put("overdue", Set.of("issued", "acknowledged").contains(String.valueOf(o.get("status")))
                && o.get("dueBy") != null && LocalDate.now(LegalAge.ZONE).isAfter(LocalDate.parse(o.get("dueBy").toString())));
        @SuppressWarnings("unchecked")
        Map<String, Object> masked = (Map<String, Object>) Masking.value(store.pseudonyms(), o);
        return masked;
    }

    /** Order statuses in Chinese, for the documents and the views. */
    static final Map<String, String> STATUS_ZH = Map.of("draft", "草稿", "issued", "已发出", "acknowledged", "已确认",
            "closed", "已结案", "cancelled", "已撤回");

    /**
     * The order as a Word document (identity numbers masked), headed by the procuratorate and numbered
     * {@code 牟检未监〔year〕n号} (家庭教育指导令: 未家): the year the order was drafted and its place among that
     * year's orders of its kind, oldest first ({@link #yearSequence}).
     */
    public byte[] document(String id, Letterhead head) {
        Map<String, Object> o = detail(id);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) o.get("steps");
        List<String> trail = new ArrayList<>();
        for (Map<String, Object> st : steps) {
            if ("drafted".equals(st.get("kind"))) {
                continue;
            }
            String what = switch (String.valueOf(st.get("kind"))) {
                case "visit" -> "走访";
                case "note" -> "记录";
                default -> switch (String.valueOf(st.get("to"))) {
                    case "issued" -> "发出";
                    case "acknowledged" -> "监护人确认收到";
                    case "closed" -> "结案";
                    case "cancelled" -> "撤回";
                    default -> STATUS_ZH.getOrDefault(String.valueOf(st.get("to")), "");
                };
            };
            String note = st.get("note") == null || st.get("note").toString().isBlank() ? "" : "：" + st.get("note");
            trail.add(ChineseText.when(st.get("at")) + "  " + what + "（" + st.get("by") + "）" + note);
        }
        @SuppressWarnings("unchecked")
        List<String> reqs = (List<String>) o.get("requirements");
        String guardian = ChineseText.cell(o.get("guardianName"))
                + (ChineseText.cell(o.get("guardianRelation")).isBlank() ? "" : "（" + o.get("guardianRelation") + "）");
        OrderKind kind = OrderKind.of((String) o.get("kind")).orElseThrow();
        int year = LocalDateTime.parse(o.get("createdAt").toString()).getYear();
        String status = STATUS_ZH.getOrDefault(String.valueOf(o.get("status")), "");
        return OrderDocument.render(new OrderDocument.Content(o.get("kindZh").toString(),
                head.number(kind == OrderKind.SUPERVISION ? "监" : "家", year, yearSequence(id)), head.unitName(),
                guardian.isBlank() ? "监护人" : guardian,
                ChineseText.cell(o.get("minorName")) + "（身份证号 " + o.get("minorId") + "）",
                ChineseText.prose(o.get("facts").toString()), "《中华人民共和国" + o.get("basisLaw") + "》" + o.get("basisArticle"),
                (String) o.get("basisText"), reqs, ChineseText.when(o.get("dueBy")), trail,
                "童心平台生成 · 身份证号已脱敏 · " + kind.zh() + "状态：" + status));
    }

    /** Where an order stands among the orders of its kind drafted in the same year, oldest first (ties by id); orders are never deleted. */
    long yearSequence(String id) {
        try (Session s = store.driver().session(store.session())) {
            return s.executeRead(tx -> tx.run("""
                    MATCH (o:Order {id: $id})
                    MATCH (x:Order {kind: o.kind}) WHERE x.createdAt.year = o.createdAt.year
                      AND (x.createdAt < o.createdAt OR x.createdAt = o.createdAt AND x.id <= o.id)
                    RETURN count(x) AS n
                    """, Map.of("id", id)).single().get("n").asLong());
        }
    }

    private static List<String> requirements(List<String> given, OrderKind kind) {
        if (given == null || given.isEmpty()) {
            return kind.duties();
        }
        if (given.size() > 20) {
            throw new ApiException.BadRequest("at most 20 requirements");
        }
        return given.stream().map(r -> Bodies.text(r, "requirements", 500, true)).toList();
    }

    private static LocalDate dueBy(String given, LocalDate dflt, LocalDate asOf) {
        if (given == null || given.isBlank()) {
            return dflt;
        }
        LocalDate d = Bodies.date(given, "dueBy");
        if (d.isBefore(asOf)) {
            throw new ApiException.BadRequest("'dueBy' cannot be before " + asOf);
        }
        return d;
    }
}
