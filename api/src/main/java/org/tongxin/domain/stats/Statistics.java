package org.tongxin.domain.stats;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.TransactionContext;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.Rule;
import org.tongxin.analytics.model.Models;
import org.tongxin.domain.lead.LeadStatus;
import org.tongxin.domain.problem.Problem;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.time.LegalAge;

/**
 * The figures the platform reports (the seed article's: leads pushed per model, case-filing supervision, pre-litigation
 * recommendations, supervision orders, classes, minors helped), counted in the graph:
 * <ul>
 *   <li>leads ({@code :Lead}) per model, rule, month and current status, by the day they were first raised;</li>
 *   <li>lead outcomes — the {@code :LeadAction} steps into 立案监督, 诉前检察建议, 督促监护令, 移送, 排除 — by the day
 *       of the step;</li>
 *   <li>orders ({@code :Order}) drafted (by their creation) and issued, acknowledged, closed, cancelled (by the day
 *       of that {@code :CaseStep});</li>
 *   <li>observer submissions ({@code :Submission}) received (by submission) and acknowledged, referred, proposed,
 *       dismissed, closed (by the step);</li>
 *   <li>classes ({@code :ClassBooking}) requested, scheduled, cancelled (by request or step) and delivered (by the
 *       day of the class, with the audience), and assistance attendance ({@code :Attendance}) by its day.</li>
 * </ul>
 * A range ({@code from}, {@code to}, both optional and inclusive) keeps what happened on those days. Every figure
 * counts nodes and steps only: no name, number or text of a case leaves this class.
 */
public final class Statistics {

    /** A figure under a code, with its Chinese label. */
    public record Count(String code, String label, long count) {
    }

    /** Leads first raised in one month ({@code 2026-03}): in all, and per model (every model, zeros included). */
    public record MonthCount(String month, long count, List<Count> byModel) {
    }

    /** One figure of the kind the seed article reports: "发出督促监护令 3 份". */
    public record Figure(String code, String label, long count, String unit) {
    }

    /** Orders to guardians: drafted, issued (also per kind), acknowledged by the guardian, closed, withdrawn. */
    public record OrderFigures(long drafted, long issued, long acknowledged, long closed, long cancelled,
                               List<Count> issuedByKind) {
    }

    /** Observer submissions: received, and how many reached each status. */
    public record SubmissionFigures(long received, long referred, long closed, List<Count> byStatus) {
    }

    /**
     * Rule-of-law classes: requested, scheduled, delivered (and to how many pupils, per topic), cancelled; and
     * assistance classes attended: sessions and distinct minors.
     */
    public record ClassFigures(long requested, long scheduled, long delivered, long cancelled, long audience,
                               List<Count> deliveredByTopic, long attendedSessions, long assistedMinors) {
    }

    /** The whole report; {@code from} and {@code to} are ISO days or null (open), {@code generatedAt} to the second. */
    public record Report(String from, String to, String generatedAt, long leads, List<Figure> headline,
                         List<Count> leadsByModel, List<Count> leadsByRule, List<MonthCount> leadsByMonth,
                         List<Count> leadsByStatus, List<Count> outcomes, OrderFigures orders,
                         SubmissionFigures submissions, ClassFigures classes) {
    }

    /** The days to count, both ends inclusive and optional. */
    public record Range(LocalDate from, LocalDate to) {

        public static final Range ALL = new Range(null, null);

        public Range {
            if (from != null && to != null && from.isAfter(to)) {
                throw Problem.invalid("stats.range", from, to);
            }
        }

        /** From query text (ISO days, blank for open); a value that is no day is {@code stats.date}. */
        public static Range parse(String from, String to) {
            return new Range(day(from, "from"), day(to, "to"));
        }

        private static LocalDate day(String value, String name) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (RuntimeException e) {
                throw Problem.invalid("stats.date", name, value.strip().length() > 40 ? value.strip().substring(0, 40) + "…" : value.strip());
            }
        }
    }

    /** The outcomes of a lead, in the order the article names them. */
    public static final List<String> OUTCOMES = java.util.stream.Stream.of(LeadStatus.CASE_FILING_SUPERVISION,
            LeadStatus.PRE_LITIGATION_RECOMMENDATION, LeadStatus.GUARDIAN_SUPERVISION_ORDER, LeadStatus.REFERRED,
            LeadStatus.DISMISSED).map(LeadStatus::code).toList();
    public static final Map<String, String> ORDER_KIND = ordered("supervision", "督促监护令", "guidance", "家庭教育指导令");
    public static final Map<String, String> SUBMISSION_STATUS = ordered("submitted", "已提交", "acknowledged", "已受理",
            "referred", "已移送主管部门", "proposed", "已提出检察建议/专项监督", "dismissed", "不予处理", "closed", "已办结");
    /** Months a report lists at most (a wider range keeps its last months). */
    static final int MAX_MONTHS = 120;

    private final GraphStore store;

    public Statistics(GraphStore store) {
        this.store = store;
    }

    /** The report over the days of {@code range}. */
    public Report report(Range range) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", range.from());
        p.put("to", range.to());
        return store.read(tx -> {
            Leads leads = leads(tx, p, range);
            List<Count> outcomes = outcomes(tx, p);
            OrderFigures orders = orders(tx, p);
            SubmissionFigures submissions = submissions(tx, p);
            ClassFigures classes = classes(tx, p);
            List<Figure> headline = headline(leads, outcomes, orders, submissions, classes);
            return new Report(range.from() == null ? null : range.from().toString(),
                    range.to() == null ? null : range.to().toString(),
                    LocalDateTime.now(LegalAge.ZONE).withNano(0).toString(), leads.total, headline, leads.byModel,
                    leads.byRule, leads.byMonth, leads.byStatus, outcomes, orders, submissions, classes);
        });
    }

    /** The article's own figures, from the counts above. */
    private static List<Figure> headline(Leads leads, List<Count> outcomes, OrderFigures orders,
                                         SubmissionFigures submissions, ClassFigures classes) {
        List<Figure> out = new ArrayList<>();
        out.add(new Figure("leads", "系统推送线索", leads.total, "条"));
        out.add(new Figure("leads.mandatory-report", "强制报告线索", count(leads.byModel, "mandatory-report"), "条"));
        out.add(new Figure("outcome.case_filing_supervision", "监督立案", count(outcomes, "case_filing_supervision"), "件"));
        out.add(new Figure("outcome.pre_litigation_recommendation", "诉前检察建议", count(outcomes, "pre_litigation_recommendation"), "份"));
        out.add(new Figure("leads.guardianship", "监护缺失、监护不当线索", count(leads.byModel, "guardianship"), "条"));
        out.add(new Figure("orders.supervision", "制发督促监护令", count(orders.issuedByKind(), "supervision"), "份"));
        out.add(new Figure("orders.guidance", "制发家庭教育指导令", count(orders.issuedByKind(), "guidance"), "份"));
        out.add(new Figure("submissions", "观察员提交问题线索", submissions.received(), "条"));
        out.add(new Figure("classes.delivered", "开展法治课", classes.delivered(), "堂"));
        out.add(new Figure("classes.assisted", "帮教对象参加课程", classes.assistedMinors(), "人"));
        return List.copyOf(out);
    }

    private static long count(List<Count> counts, String code) {
        return counts.stream().filter(c -> c.code().equals(code)).mapToLong(Count::count).sum();
    }

    private record Leads(long total, List<Count> byModel, List<Count> byRule, List<MonthCount> byMonth,
                         List<Count> byStatus) {
    }

    private static Leads leads(TransactionContext tx, Map<String, Object> p, Range range) {
        Map<String, Long> byModel = new HashMap<>();
        Map<String, Long> byRule = new HashMap<>();
        Map<String, Long> byStatus = new HashMap<>();
        Map<String, Map<String, Long>> byMonth = new TreeMap<>();
        long[] total = {0};
        tx.run("""
                MATCH (l:Lead) WHERE l.firstRaisedAt IS NOT NULL
                WITH l, date(l.firstRaisedAt) AS day
                WHERE ($from IS NULL OR day >= $from) AND ($to IS NULL OR day <= $to)
                RETURN l.model AS model, coalesce(l.rules, []) AS rules, coalesce(l.status, 'new') AS status,
                       substring(toString(day), 0, 7) AS month, count(*) AS n
                """, p).forEachRemaining(r -> {
            long n = r.get("n").asLong();
            String model = r.get("model").asString("");
            total[0] += n;
            byModel.merge(model, n, Long::sum);
            r.get("rules").asList(v -> v.asString("")).forEach(rule -> byRule.merge(rule, n, Long::sum));
            byStatus.merge(r.get("status").asString(), n, Long::sum);
            byMonth.computeIfAbsent(r.get("month").asString(), m -> new HashMap<>()).merge(model, n, Long::sum);
        });

        List<Count> models = new ArrayList<>();
        List<Count> rules = new ArrayList<>();
        for (Model m : Models.all()) {
            models.add(new Count(m.id(), m.title(), byModel.getOrDefault(m.id(), 0L)));
            for (Rule r : m.rules()) {
                rules.add(new Count(r.id(), r.id() + " " + r.zh(), byRule.getOrDefault(r.id(), 0L)));
            }
        }
        // A model or rule the store holds but this build no longer knows still counts, under its code.
        new TreeSet<>(byModel.keySet()).stream().filter(id -> Models.byId(id).isEmpty())
                .forEach(id -> models.add(new Count(id, id, byModel.get(id))));
        new TreeSet<>(byRule.keySet()).stream().filter(id -> rules.stream().noneMatch(c -> c.code().equals(id)))
                .forEach(id -> rules.add(new Count(id, id, byRule.get(id))));

        List<Count> statuses = new ArrayList<>();
        for (LeadStatus s : LeadStatus.values()) {
            statuses.add(new Count(s.code(), s.zh(), byStatus.getOrDefault(s.code(), 0L)));
        }
        new TreeSet<>(byStatus.keySet()).stream().filter(s -> LeadStatus.of(s).isEmpty())
                .forEach(s -> statuses.add(new Count(s, s, byStatus.get(s))));

        List<MonthCount> months = new ArrayList<>();
        for (YearMonth month : months(byMonth.keySet(), range)) {
            Map<String, Long> perModel = byMonth.getOrDefault(month.toString(), Map.of());
            List<Count> split = models.stream().map(m -> new Count(m.code(), m.label(), perModel.getOrDefault(m.code(), 0L))).toList();
            months.add(new MonthCount(month.toString(), split.stream().mapToLong(Count::count).sum(), split));
        }
        return new Leads(total[0], List.copyOf(models), List.copyOf(rules), List.copyOf(months), List.copyOf(statuses));
    }

    /**
     * Every month from the range's first (or the first with a lead) to its last (or the last with a lead), gaps
     * included so a chart's axis is even; at most {@link #MAX_MONTHS}, the latest kept.
     */
    static List<YearMonth> months(java.util.Set<String> withLeads, Range range) {
        TreeSet<YearMonth> seen = new TreeSet<>();
        withLeads.forEach(m -> seen.add(YearMonth.parse(m)));
        YearMonth first = range.from() != null ? YearMonth.from(range.from()) : seen.isEmpty() ? null : seen.first();
        YearMonth last = range.to() != null ? YearMonth.from(range.to()) : seen.isEmpty() ? null : seen.last();
        if (first == null || last == null) {
            return List.copyOf(seen);
        }
        if (first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
            first = last.minusMonths(MAX_MONTHS - 1);
        }
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    private static List<Count> outcomes(TransactionContext tx, Map<String, Object> p) {
        Map<String, Object> q = new HashMap<>(p);
        q.put("outcomes", OUTCOMES);
        Map<String, Long> n = new HashMap<>();
        tx.run("""
                MATCH (l:Lead)-[:ACTION]->(a:LeadAction)
                WHERE a.to IN $outcomes AND a.from <> a.to AND coalesce(a.kind, 'status') = 'status'
                  AND ($from IS NULL OR date(a.at) >= $from) AND ($to IS NULL OR date(a.at) <= $to)
                RETURN a.to AS outcome, count(DISTINCT l) AS n
                """, q).forEachRemaining(r -> n.put(r.get("outcome").asString(), r.get("n").asLong()));
        return OUTCOMES.stream().map(o -> new Count(o, LeadStatus.of(o).map(LeadStatus::zh).orElse(o), n.getOrDefault(o, 0L)))
                .toList();
    }

    /**
     * How many nodes of {@code label} stepped into each status within the range (a {@code :CaseStep} whose
     * {@code to} differs from its {@code from}; follow-ups keep the status and do not count).
     */
    private static Map<String, Long> reached(TransactionContext tx, String label, Map<String, Object> p) {
        Map<String, Long> n = new HashMap<>();
        tx.run("MATCH (n:" + label + ")-[:STEP]->(s:CaseStep) WHERE s.from <> s.to "
                + "AND ($from IS NULL OR date(s.at) >= $from) AND ($to IS NULL OR date(s.at) <= $to) "
                + "RETURN s.to AS status, count(DISTINCT n) AS n", p)
                .forEachRemaining(r -> n.put(r.get("status").asString(""), r.get("n").asLong()));
        return n;
    }

    /** How many nodes of {@code label} were created within the range, by their {@code property} (a date-time). */
    private static long created(TransactionContext tx, String label, String property, Map<String, Object> p) {
        return tx.run("MATCH (n:" + label + ") WHERE n." + property + " IS NOT NULL WITH date(n." + property + ") AS day "
                + "WHERE ($from IS NULL OR day >= $from) AND ($to IS NULL OR day <= $to) RETURN count(*) AS n", p)
                .single().get("n").asLong();
    }

    private static OrderFigures orders(TransactionContext tx, Map<String, Object> p) {
        Map<String, Long> reached = reached(tx, "Order", p);
        Map<String, Long> byKind = new HashMap<>();
        tx.run("""
                MATCH (o:Order)-[:STEP]->(s:CaseStep {to: 'issued'}) WHERE s.from <> s.to
                  AND ($from IS NULL OR date(s.at) >= $from) AND ($to IS NULL OR date(s.at) <= $to)
                RETURN o.kind AS kind, count(DISTINCT o) AS n
                """, p).forEachRemaining(r -> byKind.put(r.get("kind").asString(""), r.get("n").asLong()));
        List<Count> kinds = new ArrayList<>();
        ORDER_KIND.forEach((code, zh) -> kinds.add(new Count(code, zh, byKind.getOrDefault(code, 0L))));
        return new OrderFigures(created(tx, "Order", "createdAt", p), reached.getOrDefault("issued", 0L),
                reached.getOrDefault("acknowledged", 0L), reached.getOrDefault("closed", 0L),
                reached.getOrDefault("cancelled", 0L), List.copyOf(kinds));
    }

    private static SubmissionFigures submissions(TransactionContext tx, Map<String, Object> p) {
        Map<String, Long> reached = reached(tx, "Submission", p);
        long received = created(tx, "Submission", "submittedAt", p);
        List<Count> statuses = new ArrayList<>();
        SUBMISSION_STATUS.forEach((code, zh) -> statuses.add(new Count(code, zh,
                code.equals("submitted") ? received : reached.getOrDefault(code, 0L))));
        return new SubmissionFigures(received, reached.getOrDefault("referred", 0L), reached.getOrDefault("closed", 0L),
                List.copyOf(statuses));
    }

    private static ClassFigures classes(TransactionContext tx, Map<String, Object> p) {
        Map<String, Long> reached = reached(tx, "ClassBooking", p);
        Map<String, Long> byTopic = new LinkedHashMap<>();
        long[] delivered = {0, 0};
        tx.run("""
                MATCH (b:ClassBooking {status: 'delivered'}) WHERE b.date IS NOT NULL
                  AND ($from IS NULL OR date(b.date) >= $from) AND ($to IS NULL OR date(b.date) <= $to)
                OPTIONAL MATCH (b)-[:OF_COURSE]->(c:Course)
                RETURN coalesce(c.topic, '其他') AS topic, count(b) AS n, sum(coalesce(b.size, 0)) AS audience
                ORDER BY n DESC, topic
                """, p).forEachRemaining(r -> {
            byTopic.put(r.get("topic").asString(), r.get("n").asLong());
            delivered[0] += r.get("n").asLong();
            delivered[1] += r.get("audience").asLong();
        });
        var attendance = tx.run("""
                MATCH (a:Attendance) WHERE a.attended = true AND a.date IS NOT NULL
                  AND ($from IS NULL OR date(a.date) >= $from) AND ($to IS NULL OR date(a.date) <= $to)
                RETURN count(a) AS sessions, count(DISTINCT a.person) AS minors
                """, p).single();
        return new ClassFigures(created(tx, "ClassBooking", "requestedAt", p), reached.getOrDefault("scheduled", 0L),
                delivered[0], reached.getOrDefault("cancelled", 0L), delivered[1],
                byTopic.entrySet().stream().map(e -> new Count(e.getKey(), e.getKey(), e.getValue())).toList(),
                attendance.get("sessions").asLong(), attendance.get("minors").asLong());
    }

    private static Map<String, String> ordered(String... codeAndLabel) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < codeAndLabel.length; i += 2) {
            m.put(codeAndLabel[i], codeAndLabel[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
