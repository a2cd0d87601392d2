package org.tongxin.api.lead;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.api.http.Endpoint.Param.query;
import static org.tongxin.domain.user.Role.ANALYST;
import static org.tongxin.domain.user.Role.DEPARTMENT;
import static org.tongxin.domain.user.Role.PROSECUTOR;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tongxin.domain.audit.AuditDetail;
import org.tongxin.analytics.model.Models;
import org.tongxin.domain.graph.Masking;
import org.tongxin.api.ApiServices;
import org.tongxin.api.http.Attachments;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.api.security.Access;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.export.Exports;
import org.tongxin.domain.lead.LeadDetail;
import org.tongxin.domain.lead.LeadPage;
import org.tongxin.domain.lead.LeadQueries;
import org.tongxin.domain.lead.LeadStatus;
import org.tongxin.domain.lead.LeadWorkbook;
import org.tongxin.domain.lead.Workflow;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.sheet.Xlsx;
import org.tongxin.model.time.LegalAge;

/**
 * Leads: the list, one lead, its workflow and its exports. Department staff see only the leads referred to their
 * department (others answer 404, as if absent) and report what they did; only prosecutors move a lead or export.
 */
public final class LeadRoutes {

    /** The body of a workflow step; who acts is the logged-in user. */
    public record StepBody(String to, String note, String department) {
    }

    /** The body of a department's report. */
    public record ReportBody(String note) {
    }

    /** The answer of {@code /api/leads/by-key}: the lead's reference. */
    public record LeadRef(String ref) {
    }

    /** The filters of the list and of its workbook. */
    private static final List<Endpoint.Param> FILTERS = List.of(query("model", "string", "model id"),
            query("rule", "string", "rule id, e.g. R6.1"),
            query("severity", "string", "red | yellow"), query("status", "string", "workflow status"),
            query("from", "string", "evidence events on or after (yyyy-MM-dd)"),
            query("to", "string", "evidence events on or before (yyyy-MM-dd)"),
            query("place", "string", "venue or unit code, or part of its name or address"),
            query("all", "boolean", "true: also leads that no longer hold"));

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final LeadQueries leads;
    private final Workflow workflow;
    private final Exports exports;
    private final Access access;
    private final Set<String> models = Models.all().stream().map(m -> m.id()).collect(Collectors.toSet());
    private final Set<String> rules = Models.all().stream().flatMap(m -> m.rules().stream()).map(r -> r.id())
            .collect(Collectors.toSet());

    public LeadRoutes(LeadQueries leads, Workflow workflow, Exports exports, Access access) {
        this.leads = leads;
        this.workflow = workflow;
        this.exports = exports;
        this.access = access;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/leads", "leads", "线索列表：按模型、规则、等级、状态、日期、地点筛选，分页，附各模型计数（部门人员只见移送本部门的线索）",
                        Stream.concat(FILTERS.stream(), Stream.of(query("page", "integer", "1-based page"),
                                query("size", "integer", "1–200, default 50"))).toList(),
                        this::list).returns(LeadPage.class).allow(PROSECUTOR, ANALYST, DEPARTMENT),
                Endpoint.get("/api/leads.xlsx", "leads", "线索清单（XLSX）：与线索列表相同的筛选，不分页，最多 10,000 条；对象按角色脱敏（部门人员只见移送本部门的线索）",
                        FILTERS, this::workbook).producing(Xlsx.MEDIA_TYPE).allow(PROSECUTOR, ANALYST, DEPARTMENT),
                Endpoint.get("/api/leads/by-key", "leads", "由线索键查线索引用号（键可能含身份证号，故地址中只用引用号）",
                        List.of(new Endpoint.Param("key", "query", "string", true, "lead key as printed by `tongxin leads`")),
                        this::byKey).returns(LeadRef.class).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/leads/{ref}", "leads", "线索详情：规则、法律依据条文、摘要、办理记录、证据记录与证据图",
                        List.of(path("ref", "lead reference")), this::detail).returns(LeadDetail.class)
                        .allow(PROSECUTOR, ANALYST, DEPARTMENT),
                Endpoint.post("/api/leads/{ref}/status", "leads",
                        "办理流转：new → reviewing → 立案监督/诉前检察建议/督促监护令/移送/排除（须附理由）→ closed",
                        List.of(path("ref", "lead reference"),
                                body("{\"to\": status, \"note\": text, \"department\": code for a referral}")), this::step)
                        .accepts(StepBody.class).returns(Workflow.Moved.class).allow(PROSECUTOR),
                Endpoint.post("/api/leads/{ref}/reports", "leads", "部门报告办理情况（只限移送本部门的线索）",
                        List.of(path("ref", "lead reference"), body("{\"note\": what was done}")), this::report)
                        .accepts(ReportBody.class).returns(Workflow.Moved.class).allow(DEPARTMENT),
                Endpoint.get("/api/leads/{ref}/diagram.svg", "exports", "证据关系图（SVG，自左向右，身份证号脱敏）",
                        List.of(path("ref", "lead reference")), this::svg).producing("image/svg+xml").allow(PROSECUTOR),
                Endpoint.get("/api/leads/{ref}/diagram.png", "exports", "证据关系图（PNG，中文字体渲染）",
                        List.of(path("ref", "lead reference")), this::png).producing("image/png").allow(PROSECUTOR),
                Endpoint.get("/api/leads/{ref}/casefile.docx", "exports", "案卷材料（DOCX：规则、法律依据、关系图、证据行表）",
                        List.of(path("ref", "lead reference")), this::caseFile).producing(DOCX).allow(PROSECUTOR));
    }

    private void list(Context ctx) {
        ctx.json(leads.list(filter(ctx), Params.integer(ctx, "page", 1, 1, 1_000_000),
                Params.integer(ctx, "size", 50, 1, 200)));
    }

    /** The list as a workbook: the same filters and scope, all pages up to {@link LeadWorkbook#MAX_ROWS}; audited. */
    private void workbook(Context ctx) {
        LeadQueries.Filter f = filter(ctx);
        LeadPage all = leads.export(f, LeadWorkbook.MAX_ROWS, Principal.of(ctx).role());
        LocalDateTime now = LocalDateTime.now(LegalAge.ZONE);
        byte[] xlsx = LeadWorkbook.xlsx(f, all, now);
        access.record(ctx, "lead.export", List.of(), null, "XLSX，共 " + all.total() + " 条，导出 " + all.items().size()
                + " 条；" + Masking.forAudit(LeadWorkbook.describe(f)));
        ctx.header("Content-Disposition", Attachments.attachment(LeadWorkbook.fileName(now), "tongxin-leads.xlsx"));
        ctx.contentType(Xlsx.MEDIA_TYPE).result(xlsx);
    }

    /** The list's filters from the query, department staff limited to the leads referred to them. */
    private LeadQueries.Filter filter(Context ctx) {
        return new LeadQueries.Filter(
                Params.oneOf(ctx, "model", models), Params.oneOf(ctx, "rule", rules),
                Params.oneOf(ctx, "severity", Set.of("red", "yellow")),
                Params.oneOf(ctx, "status", LeadStatus.codes()),
                Params.date(ctx, "from"), Params.date(ctx, "to"), Params.text(ctx, "place"),
                !Params.oneOf(ctx, "all", Set.of("true", "false")).orElse("false").equals("true"),
                departmentScope(ctx));
    }

    private void byKey(Context ctx) {
        String key = Params.required(ctx, "key");
        // Resolving a key that holds an identity number answers whether that number is a lead's
        // subject: a way to test guesses of a masked number, so only for those who may unmask.
        if (Masking.keyHasClearIdentityNumber(key) && !Principal.of(ctx).is(PROSECUTOR)) {
            throw Problem.forbidden("lead.key-identity-prosecutors-only");
        }
        String ref = leads.refOf(key);
        access.record(ctx, "lead.lookup", List.of("Lead:" + ref), null, null);
        ctx.json(new LeadRef(ref));
    }

    private void detail(Context ctx) {
        String ref = inScope(ctx);
        LeadDetail lead = leads.detail(ref);
        access.record(ctx, "lead.read", List.of("Lead:" + ref), null, null);
        ctx.json(lead);
    }

    private void step(Context ctx) {
        String ref = ref(ctx);
        StepBody b = Bodies.read(ctx, StepBody.class, "{\"to\": \"reviewing\", \"note\": \"…\"}");
        Principal p = Principal.of(ctx);
        Workflow.Moved out = workflow.move(ref,
                new Workflow.Step(b.to(), p.user().name(), b.note(), b.department()));
        access.recordDetail(ctx, "lead.status", List.of("Lead:" + ref), b.note(), b.department() == null
                ? AuditDetail.status("lead", b.to()) : AuditDetail.of("referral", b.to(), b.department()));
        ctx.json(out);
    }

    private void report(Context ctx) {
        String ref = inScope(ctx);
        ReportBody b = Bodies.read(ctx, ReportBody.class, "{\"note\": \"已责令整改\"}");
        Workflow.Moved out = workflow.report(ref, Principal.of(ctx).user().name(), b.note());
        access.record(ctx, "lead.report", List.of("Lead:" + ref), b.note(), null);
        ctx.json(out);
    }

    private void svg(Context ctx) {
        String svg = exports.svg(ref(ctx));
        access.record(ctx, "export.svg", List.of("Lead:" + ref(ctx)), null, null);
        ctx.contentType("image/svg+xml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"lead-" + ref(ctx) + ".svg\"")
                .result(svg);
    }

    private void png(Context ctx) {
        byte[] png = exports.png(ref(ctx));
        access.record(ctx, "export.png", List.of("Lead:" + ref(ctx)), null, null);
        ctx.contentType("image/png")
                .header("Content-Disposition", "attachment; filename=\"lead-" + ref(ctx) + ".png\"")
                .result(png);
    }

    private void caseFile(Context ctx) {
        byte[] docx = exports.caseFile(ref(ctx));
        access.record(ctx, "export.docx", List.of("Lead:" + ref(ctx)), null, null);
        ctx.contentType(DOCX)
                .header("Content-Disposition", "attachment; filename=\"casefile-" + ref(ctx) + ".docx\"")
                .result(docx);
    }

    /** Department staff are limited to leads referred to their department. */
    private static Optional<String> departmentScope(Context ctx) {
        Principal p = Principal.of(ctx);
        return p.is(DEPARTMENT) ? Optional.of(p.user().department()) : Optional.empty();
    }

    /** The lead's ref, after checking a department user may see it (404 otherwise, as if it did not exist). */
    private String inScope(Context ctx) {
        String ref = ref(ctx);
        Optional<String> dept = departmentScope(ctx);
        if (dept.isPresent() && !dept.get().equals(leads.summary(ref).referredTo())) {
            throw Problem.notFound("lead.not-found", ref);
        }
        return ref;
    }

    private static String ref(Context ctx) {
        String ref = ctx.pathParam("ref");
        if (!ref.matches("[0-9a-f]{16}")) {
            throw Problem.invalid("lead.ref-format", ref);
        }
        return ref;
    }
}
