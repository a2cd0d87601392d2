package org.tongxin.api.audit;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.api.http.Endpoint.Param.query;
import static org.tongxin.domain.user.Role.PROSECUTOR;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tongxin.domain.audit.AuditDetail;
import org.tongxin.api.config.ApiOptions;
import org.tongxin.api.http.Attachments;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Errors;
import org.tongxin.api.http.Params;
import org.tongxin.api.security.Access;
import org.tongxin.domain.audit.AuditLog;
import org.tongxin.domain.audit.AuditObject;
import org.tongxin.domain.audit.AuditWorkbook;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.sheet.Xlsx;
import org.tongxin.model.time.LegalAge;
import org.tongxin.domain.graph.GraphQueries;
import org.tongxin.domain.problem.Messages;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.assignment.Assignments;

/** Accountability: the audit log for prosecutors, unmasking one record with a reason, assigning minors and ending it. */
public final class AuditRoutes {

    /** Unmask request: which node, and why. */
    public record Unmask(String id, String reason) {
    }

    /** Assignment request: which social worker or psychologist, which person node. */
    public record Assignment(String user, String person) {
    }

    /** The filters of the log and of its workbook. */
    private static final List<Endpoint.Param> FILTERS = List.of(query("user", "string", "only this user"),
            query("action", "string", "only actions starting with this"),
            query("from", "string", "entries written on or after this day (yyyy-MM-dd)"),
            query("to", "string", "entries written on or before this day (yyyy-MM-dd)"),
            query("kind", "string", "only entries about this kind of object: " + String.join(", ", AuditObject.Kind.codes())),
            query("object", "string", "only entries one of whose objects contains this (a lead number, an order id …)"));

    private final Access access;
    private final GraphQueries graph;
    private final Assignments assignments;
    private final ApiOptions options;

    public AuditRoutes(Access access, GraphQueries graph, Assignments assignments, ApiOptions options) {
        this.access = access;
        this.graph = graph;
        this.assignments = assignments;
        this.options = options;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/audit", "audit", "审计日志（最新在前）及哈希链校验结果",
                        Stream.concat(FILTERS.stream(), Stream.of(query("limit", "integer", "1–1000, default 200"))).toList(),
                        this::audit).returns(AuditLog.Page.class).allow(PROSECUTOR),
                Endpoint.get("/api/audit.xlsx", "audit", "审计日志（XLSX）：与审计日志页相同的筛选，最新在前，最多 10,000 条（导出本身记入审计）",
                        FILTERS, this::workbook).producing(Xlsx.MEDIA_TYPE).allow(PROSECUTOR),
                Endpoint.post("/api/unmask", "audit", "检察官说明理由后查看一条记录的完整身份信息（记入审计）",
                        List.of(body("{\"id\": node element id, \"reason\": why}")), this::unmask)
                        .accepts(Unmask.class).returns(GraphQueries.NodeDetail.class).allow(PROSECUTOR),
                Endpoint.post("/api/assignments", "audit", "指派未成年人给司法社工或心理咨询师",
                        List.of(body("{\"user\": name, \"person\": person node element id}")), this::assign)
                        .accepts(Assignment.class).returns(Assignments.Assigned.class).allow(PROSECUTOR),
                Endpoint.get("/api/assignments", "audit", "未成年人指派给了哪些司法社工、心理咨询师（记入审计）",
                        List.of(new Endpoint.Param("person", "query", "string", true, "person node element id")), this::assigned)
                        .returns(Assignments.AssignedTo.class).allow(PROSECUTOR),
                Endpoint.post("/api/assignments/remove", "audit", "取消指派：该司法社工或心理咨询师不再能查看此未成年人（记入审计）",
                        List.of(body("{\"user\": name, \"person\": person node element id}")), this::unassign)
                        .accepts(Assignment.class).returns(Assignments.Assigned.class).allow(PROSECUTOR));
    }

    private void audit(Context ctx) {
        AuditWorkbook.Filter f = filter(ctx);
        int limit = Params.integer(ctx, "limit", 200, 1, 1000);
        ctx.json(access.audit().page(f.user(), f.action(), f.from(), f.to(), f.object(), limit, Errors.language(ctx)));
    }

    /** The log as a workbook: the same filters, newest first, up to {@link AuditWorkbook#MAX_ROWS}; audited. */
    private void workbook(Context ctx) {
        AuditWorkbook.Filter f = filter(ctx);
        AuditLog.Page page = access.audit().page(f.user(), f.action(), f.from(), f.to(), f.object(), AuditWorkbook.MAX_ROWS,
                Messages.CHINESE);
        LocalDateTime now = LocalDateTime.now(LegalAge.ZONE);
        byte[] xlsx = AuditWorkbook.xlsx(f, page, now);
        access.record(ctx, "audit.export", List.of(), null, "XLSX，导出 " + page.entries().size() + " 条；"
                + Masking.forAudit(AuditWorkbook.describe(f)));
        ctx.header("Content-Disposition", Attachments.attachment(AuditWorkbook.fileName(now), "tongxin-audit.xlsx"));
        ctx.contentType(Xlsx.MEDIA_TYPE).result(xlsx);
    }

    private AuditWorkbook.Filter filter(Context ctx) {
        return new AuditWorkbook.Filter(Params.text(ctx, "user").orElse(null), Params.text(ctx, "action").orElse(null),
                Params.date(ctx, "from").orElse(null), Params.date(ctx, "to").orElse(null),
                new AuditObject(Params.oneOf(ctx, "kind", new LinkedHashSet<>(AuditObject.Kind.codes()))
                        .flatMap(AuditObject.Kind::of).orElse(null), Params.text(ctx, "object").orElse(null),
                        personNodes()));
    }

    /** Whether any of an entry's node ids is a person's, each id asked once per request. */
    private java.util.function.Predicate<List<String>> personNodes() {
        Map<String, Boolean> known = new java.util.HashMap<>();
        return ids -> ids.stream().anyMatch(id -> id != null && known.computeIfAbsent(id, graph::isPersonNode));
    }

    private void unmask(Context ctx) {
        Unmask u = Bodies.read(ctx, Unmask.class, "{\"id\": \"…\", \"reason\": \"…\"}");
        if (u.id() == null || u.reason() == null || u.reason().strip().length() < 4) {
            throw Problem.invalid("audit.unmask-reason");
        }
        var d = graph.nodeDetailUnmasked(u.id());
        access.record(ctx, "unmask", List.of(u.id()), u.reason().strip(), null);
        ctx.json(d);
    }

    private void assigned(Context ctx) {
        String person = Params.required(ctx, "person");
        var to = assignments.of(person);
        access.record(ctx, "assign.list", List.of(person), null, null);
        ctx.json(to);
    }

    private void unassign(Context ctx) {
        Assignment a = Bodies.read(ctx, Assignment.class, "{\"user\": \"…\", \"person\": \"…\"}");
        var left = assignments.remove(a.user(), a.person());
        access.recordDetail(ctx, "unassign", List.of(a.person()), null, AuditDetail.of("unassigned", a.user()));
        ctx.json(left);
    }

    private void assign(Context ctx) {
        Assignment a = Bodies.read(ctx, Assignment.class, "{\"user\": \"…\", \"person\": \"…\"}");
        var assigned = assignments.assign(a.user(), a.person(), options.today());
        access.recordDetail(ctx, "assign", List.of(a.person()), null, AuditDetail.of("assigned", a.user()));
        ctx.json(assigned);
    }
}
