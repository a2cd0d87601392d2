package org.tongxin.domain.order;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.tongxin.analytics.profile.AssistanceProfile;
import org.tongxin.domain.export.ChineseText;
import org.tongxin.domain.export.Letterhead;
import org.tongxin.domain.export.OrderDocument;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.law.LawTexts;
import org.tongxin.domain.persistence.CaseStepEntity;
import org.tongxin.domain.persistence.Casework;
import org.tongxin.domain.persistence.OrderEntity;
import org.tongxin.domain.persistence.OrderStore;
import org.tongxin.domain.problem.Check;
import org.tongxin.domain.problem.Localized;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.workflow.Flow;
import org.tongxin.domain.workflow.Trail;
import org.tongxin.domain.workflow.Transactions;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.privacy.Pseudonyms;
import org.tongxin.model.time.LegalAge;

/**
 * Orders to guardians in the graph: {@code (:Order)-[:FOR_MINOR]->(:Person)}, {@code -[:FROM_LEAD]->(:Lead)} when
 * drafted from a guardianship lead. Drafted with the facts of the lead or the minor's profile, the legal basis of
 * its kind and the usual duties; edited while a draft; issued to a guardian's account; acknowledged by that
 * guardian online; followed up with visits and notes; closed. Read, listed and saved as a draft through Spring
 * Data ({@link OrderStore}); each step is a step of the one workflow ({@link Flow}, {@link OrderStatus#STEPS}) in a
 * transaction of the Spring transaction manager.
 */
public final class Orders {

    /** A draft request: the kind, a lead ref or a person node, and anything to set instead of the defaults. */
    public record Draft(String kind, String lead, String person, String facts, List<String> requirements, String dueBy,
                        String guardianUser, String guardianName) {
    }

    /** A step of an order's history as the API shows it (names and notes masked). */
    public record OrderStep(Long seq, String at, String by, String from, String to, String kind, String note) {
    }

    /**
     * An order as the API shows it: its stored fields (sealed values opened and masked), its basis, its steps, and
     * {@code next}, the steps by note ({@link OrderStatus#BY_NOTE}) the workflow allows from its status now.
     */
    public record OrderView(String id, String kind, String status, String minorId, String minorName, String guardianName,
                            String guardianRelation, String guardianUser, String leadRef, String facts,
                            List<String> requirements, String dueBy, String createdAt, String createdBy,
                            String statusChangedAt, String thread, String issuedAt, String acknowledgedAt,
                            String closedAt, String cancelledAt, String minorNode, String kindZh, String statusZh,
                            String basis, String basisLaw, String basisArticle, String basisText, List<OrderStep> steps,
                            boolean overdue, List<String> next) {

        /** The same order without the steps a prosecutor may take (for a guardian, who may take none of them). */
        public OrderView withoutNext() {
            return new OrderView(id, kind, status, minorId, minorName, guardianName, guardianRelation, guardianUser,
                    leadRef, facts, requirements, dueBy, createdAt, createdBy, statusChangedAt, thread, issuedAt,
                    acknowledgedAt, closedAt, cancelledAt, minorNode, kindZh, statusZh, basis, basisLaw, basisArticle,
                    basisText, steps, overdue, List.of());
        }
    }

    static final Flow<OrderStatus> FLOW = new Flow<>(Trail.casework("Order"), OrderStatus.STEPS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GraphStore store;
    private final LawTexts laws;
    private final OrderStore saved;
    private final Transactions transactions;

    public Orders(GraphStore store, LawTexts laws, Casework casework) {
        this.store = store;
        this.laws = laws;
        this.saved = casework.orders();
        this.transactions = casework.transactions();
    }

    /**
     * Drafts an order for a minor (identity number), from a guardianship lead ({@code leadRef}, its summary) or from
     * the profile; the facts default to the lead's summary or the profile's risk factors.
     */
    public OrderView draft(String by, Draft d, String minorId, String leadRef, String leadSummary, LocalDate asOf) {
        OrderKind kind = OrderKind.of(d.kind() == null ? "" : d.kind())
                .orElseThrow(() -> Problem.invalid("order.kind"));
        AssistanceProfile.Profile profile = AssistanceProfile.of(store, minorId, asOf)
                .orElseThrow(() -> Problem.notFound("order.no-person"));
        if (!Boolean.TRUE.equals(profile.identity().get("minor"))) {
            throw Problem.refused("order.not-minor", asOf);
        }
        Map<String, Object> guardian = profile.guardians().stream().filter(g -> !Boolean.TRUE.equals(g.get("deceased")))
                .findFirst().orElse(Map.of());
        String facts = d.facts() != null && !d.facts().isBlank() ? Check.text(d.facts(), "facts", 4000, true)
                : leadSummary != null ? ChineseText.prose(leadSummary)
                : String.join("；", profile.riskFactors().stream().map(AssistanceProfile.RiskFactor::zh).toList());
        String id = "O" + asOf.getYear() + HexFormat.of().formatHex(RANDOM.generateSeed(3)).toUpperCase();
        // Names, the minor's number and the facts are sealed: the analysts' console reads the graph, orders are not theirs.
        Pseudonyms seal = store.pseudonyms();
        // With every listed guardian dead (rule R7.2) there is no one to name yet: the prosecutor names who has care.
        String guardianName = d.guardianName() != null && !d.guardianName().isBlank()
                ? Check.text(d.guardianName(), "guardianName", 64, true) : java.util.Objects.toString(guardian.get("name"), "");
        OrderEntity draft = new OrderEntity(id, kind.code(), seal.seal(PiiKind.ID, minorId),
                seal.seal(PiiKind.TEXT, java.util.Objects.toString(profile.identity().get("name"), "")),
                seal.seal(PiiKind.TEXT, guardianName), java.util.Objects.toString(guardian.get("relation"), ""),
                d.guardianUser() == null ? "" : d.guardianUser().strip(), leadRef,
                seal.seal(PiiKind.TEXT, facts.isBlank() ? "（请填写事实）" : facts), sealed(requirements(d.requirements(), kind)),
                dueBy(d.dueBy(), asOf.plusDays(30), asOf), LocalDateTime.now(LegalAge.ZONE).withNano(0), by);
        saved.saveDraft(draft, () -> transactions.write(tx -> FLOW.move(tx, id, Flow.Move.keep("drafted", by, ""))));
        return detail(id);
    }

    /** Changes a draft: facts, duties, due date, the guardian's account. */
    public OrderView edit(String id, Draft d, LocalDate asOf) {
        store.writeOnly(tx -> {
            var rows = tx.run("MATCH (o:Order {id: $id}) RETURN o.status AS status, o.kind AS kind", Map.of("id", id)).list();
            if (rows.isEmpty()) {
                throw Problem.notFound("order.not-found", id);
            }
            String status = rows.get(0).get("status").asString(null);
            if (!"draft".equals(status)) {
                // The status by its name in each language: the message is read in Chinese or English.
                throw Problem.conflict("order.only-draft", OrderStatus.zhOf(status),
                        OrderStatus.of(status).map(OrderStatus::en).orElse(String.valueOf(status)));
            }
            OrderKind kind = OrderKind.of(rows.get(0).get("kind").asString(null)).orElseThrow();
            Map<String, Object> set = new HashMap<>();
            if (d.facts() != null) {
                set.put("facts", store.pseudonyms().seal(PiiKind.TEXT, Check.text(d.facts(), "facts", 4000, true)));
            }
            if (d.requirements() != null) {
                set.put("requirements", sealed(requirements(d.requirements(), kind)));
            }
            if (d.dueBy() != null && !d.dueBy().isBlank()) {
                set.put("dueBy", dueBy(d.dueBy(), null, asOf));
            }
            if (d.guardianName() != null && !d.guardianName().isBlank()) {
                set.put("guardianName", store.pseudonyms().seal(PiiKind.TEXT, Check.text(d.guardianName(), "guardianName", 64, true)));
            }
            if (d.guardianUser() != null) {
                set.put("guardianUser", d.guardianUser().strip());
            }
            tx.run("MATCH (o:Order {id: $id}) SET o += $set", Map.of("id", id, "set", set)).consume();
        });
        return detail(id);
    }

    /**
     * A status step ({@code to}, which also stamps {@code <to>At} on the order) or, with {@code to == null}, a
     * follow-up of {@code kind} visit or note, recorded on issued and acknowledged orders only.
     */
    public OrderView step(String id, String to, String kind, String by, String note) {
        OrderStatus target = to == null ? null : OrderStatus.of(to).orElseThrow(() -> Problem.invalid("order.status-to"));
        String sealed = note == null ? null : store.pseudonyms().seal(PiiKind.TEXT, note);
        transactions.write(tx -> {
            if (target == null) {
                var rows = tx.run("MATCH (o:Order {id: $id}) RETURN o.status AS status", Map.of("id", id));
                if (rows.isEmpty()) {
                    throw Problem.notFound("order.not-found", id);
                }
                Object status = rows.get(0).get("status");
                if (!OrderStatus.of(String.valueOf(status)).map(OrderStatus::open).orElse(false)) {
                    throw Problem.conflict("order.followup-not-open", OrderStatus.of(String.valueOf(status))
                            .map(x -> new Localized(x.zh(), x.en())).orElse(new Localized("—", "—")));
                }
                return FLOW.move(tx, id, Flow.Move.keep(kind, by, sealed));
            }
            return FLOW.move(tx, id, Flow.Move.to(target, kind, by, sealed)
                    .withNode(Map.of(target.code() + "At", LocalDateTime.now(LegalAge.ZONE).withNano(0))));
        });
        return detail(id);
    }

    public void linkThread(String id, String thread) {
        store.writeOnly(tx -> tx.run("MATCH (o:Order {id: $id}) SET o.thread = $t", Map.of("id", id, "t", thread)).consume());
    }

    /** Orders, newest first; for a guardian only those issued to them (never drafts). */
    public List<OrderView> list(String guardianUser) {
        return saved.list(guardianUser).stream().map(this::view).toList();
    }

    public OrderView detail(String id) {
        return saved.find(id).map(this::view).orElseThrow(() -> Problem.notFound("order.not-found", id));
    }

    private OrderView view(OrderStore.Stored s) {
        OrderEntity o = s.order();
        Pseudonyms p = store.pseudonyms();
        OrderKind kind = OrderKind.of(o.getKind()).orElseThrow();
        List<OrderStep> steps = new ArrayList<>();
        for (CaseStepEntity st : o.getSteps()) {
            steps.add(new OrderStep(st.getSeq(), text(st.getAt()), mask(p, st.getBy()), mask(p, st.getFrom()),
                    mask(p, st.getTo()), mask(p, st.getKind()), mask(p, st.getNote())));
        }
        // Past its due date and still open: the guardian has not done what the order asked in time.
        boolean overdue = OrderStatus.of(o.getStatus()).map(OrderStatus::open).orElse(false) && o.getDueBy() != null
                && LocalDate.now(LegalAge.ZONE).isAfter(o.getDueBy());
        return new OrderView(mask(p, o.getId()), o.getKind(), o.getStatus(), mask(p, o.getMinorId()),
                mask(p, o.getMinorName()), mask(p, o.getGuardianName()), mask(p, o.getGuardianRelation()),
                mask(p, o.getGuardianUser()), mask(p, o.getLeadRef()), mask(p, o.getFacts()),
                o.getRequirements() == null ? null : o.getRequirements().stream().map(r -> mask(p, r)).toList(),
                text(o.getDueBy()), text(o.getCreatedAt()), mask(p, o.getCreatedBy()), text(o.getStatusChangedAt()),
                o.getThread(), text(o.getIssuedAt()), text(o.getAcknowledgedAt()), text(o.getClosedAt()),
                text(o.getCancelledAt()), s.minorNode(), kind.zh(), OrderStatus.zhOf(o.getStatus()),
                kind.law() + " " + kind.article(), kind.law(), kind.article(),
                laws.article(kind.law(), kind.article()).map(LawTexts.Article::text).map(t -> mask(p, t)).orElse(null),
                steps, overdue, OrderStatus.nextByNote(o.getStatus()));
    }

    /** Duties as stored: sealed like the facts, since a drafted duty is free text. */
    private List<String> sealed(List<String> duties) {
        return store.pseudonyms().sealAll(PiiKind.TEXT, duties);
    }

    private static String mask(Pseudonyms p, String s) {
        return s == null ? null : Masking.text(p, s);
    }

    private static String text(TemporalAccessor t) {
        return t == null ? null : t.toString();
    }

    /**
     * The order as a Word document (identity numbers masked), headed by the procuratorate and numbered
     * {@code 牟检未监〔year〕n号} (家庭教育指导令: 未家): the year the order was drafted and its place among that
     * year's orders of its kind, oldest first ({@link #yearSequence}).
     */
    public byte[] document(String id, Letterhead head) {
        OrderView o = detail(id);
        List<String> trail = new ArrayList<>();
        for (OrderStep st : o.steps()) {
            if ("drafted".equals(st.kind())) {
                continue;
            }
            String what = switch (String.valueOf(st.kind())) {
                case "visit" -> "走访";
                case "note" -> "记录";
                default -> switch (String.valueOf(st.to())) {
                    case "issued" -> "发出";
                    case "acknowledged" -> "监护人确认收到";
                    case "closed" -> "结案";
                    case "cancelled" -> "撤回";
                    default -> OrderStatus.zhOf(st.to());
                };
            };
            String note = st.note() == null || st.note().isBlank() ? "" : "：" + st.note();
            trail.add(ChineseText.when(st.at()) + "  " + what + "（" + st.by() + "）" + note);
        }
        String guardian = ChineseText.cell(o.guardianName())
                + (ChineseText.cell(o.guardianRelation()).isBlank() ? "" : "（" + o.guardianRelation() + "）");
        OrderKind kind = OrderKind.of(o.kind()).orElseThrow();
        int year = LocalDateTime.parse(o.createdAt()).getYear();
        String status = OrderStatus.zhOf(o.status());
        return OrderDocument.render(new OrderDocument.Content(o.kindZh(),
                head.number(kind == OrderKind.SUPERVISION ? "监" : "家", year, yearSequence(id)), head.unitName(),
                guardian.isBlank() ? "监护人" : guardian,
                ChineseText.cell(o.minorName()) + "（身份证号 " + o.minorId() + "）",
                ChineseText.prose(o.facts()), "《中华人民共和国" + o.basisLaw() + "》" + o.basisArticle(),
                o.basisText(), o.requirements(), ChineseText.when(o.dueBy()), trail,
                "童心平台生成 · 身份证号已脱敏 · " + kind.zh() + "状态：" + status));
    }

    /** Where an order stands among the orders of its kind drafted in the same year, oldest first (ties by id); orders are never deleted. */
    long yearSequence(String id) {
        return store.read(tx -> tx.run("""
                MATCH (o:Order {id: $id})
                MATCH (x:Order {kind: o.kind}) WHERE x.createdAt.year = o.createdAt.year
                  AND (x.createdAt < o.createdAt OR x.createdAt = o.createdAt AND x.id <= o.id)
                RETURN count(x) AS n
                """, Map.of("id", id)).single().get("n").asLong());
    }

    private static List<String> requirements(List<String> given, OrderKind kind) {
        if (given == null) {
            return kind.duties();
        }
        // An order that asks nothing cannot be meant: an empty list is refused, not read as "the usual duties".
        if (given.isEmpty()) {
            throw Problem.invalid("order.requirements-empty");
        }
        if (given.size() > 20) {
            throw Problem.invalid("order.requirements");
        }
        return given.stream().map(r -> Check.text(r, "requirements", 500, true)).toList();
    }

    private static LocalDate dueBy(String given, LocalDate dflt, LocalDate asOf) {
        if (given == null || given.isBlank()) {
            return dflt;
        }
        LocalDate d = Check.date(given, "dueBy");
        if (d.isBefore(asOf)) {
            throw Problem.invalid("order.due-before", asOf);
        }
        if (d.isAfter(asOf.plusYears(1))) {
            throw Problem.invalid("order.due-after", asOf.plusYears(1));
        }
        return d;
    }
}
