package org.tongxin.api.lead;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.api.http.Endpoint.Param.query;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongxin.analytics.model.Models;
import org.tongxin.api.ApiServices;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;

/** Leads: the list, one lead, its workflow and its exports. */
public final class LeadRoutes {

    private LeadRoutes() {
    }

    public static List<Endpoint> endpoints(ApiServices s) {
        Set<String> models = Models.all().stream().map(m -> m.id()).collect(Collectors.toSet());
        Set<String> rules = Models.all().stream().flatMap(m -> m.rules().stream()).map(r -> r.id()).collect(Collectors.toSet());
        return List.of(
                Endpoint.get("/api/leads", "leads", "线索列表：按模型、规则、等级、状态、日期、地点筛选，分页，附各模型计数",
                        List.of(query("model", "string", "model id"), query("rule", "string", "rule id, e.g. R6.1"),
                                query("severity", "string", "red | yellow"), query("status", "string", "workflow status"),
                                query("from", "string", "evidence events on or after (yyyy-MM-dd)"),
                                query("to", "string", "evidence events on or before (yyyy-MM-dd)"),
                                query("place", "string", "venue or unit code, or part of its name or address"),
                                query("all", "boolean", "true: also leads that no longer hold"),
                                query("page", "integer", "1-based page"), query("size", "integer", "1–200, default 50")),
                        ctx -> ctx.json(s.leads().list(new LeadQueries.Filter(
                                Params.oneOf(ctx, "model", models), Params.oneOf(ctx, "rule", rules),
                                Params.oneOf(ctx, "severity", Set.of("red", "yellow")),
                                Params.oneOf(ctx, "status", LeadStatus.codes()),
                                Params.date(ctx, "from"), Params.date(ctx, "to"), Params.text(ctx, "place"),
                                !Params.oneOf(ctx, "all", Set.of("true", "false")).orElse("false").equals("true")),
                                Params.integer(ctx, "page", 1, 1, 1_000_000), Params.integer(ctx, "size", 50, 1, 200)))),
                Endpoint.get("/api/leads/by-key", "leads", "由线索键查线索引用号（键可能含身份证号，故地址中只用引用号）",
                        List.of(new Endpoint.Param("key", "query", "string", true, "lead key as printed by `tongxin leads`")),
                        ctx -> ctx.json(Map.of("ref", s.leads().refOf(Params.required(ctx, "key"))))),
                Endpoint.get("/api/leads/{ref}", "leads", "线索详情：规则、法律依据条文、摘要、办理记录、证据记录与证据图",
                        List.of(path("ref", "lead reference")), ctx -> ctx.json(s.leads().detail(ref(ctx)))),
                Endpoint.post("/api/leads/{ref}/status", "leads",
                        "办理流转：new → reviewing → 立案监督/诉前检察建议/督促监护令/移送/排除（须附理由）→ closed",
                        List.of(path("ref", "lead reference"),
                                body("{\"to\": status, \"by\": who, \"note\": text, \"department\": code for a referral}")),
                        ctx -> ctx.json(s.workflow().move(ref(ctx), step(ctx)))),
                Endpoint.get("/api/leads/{ref}/diagram.svg", "exports", "证据关系图（SVG，自左向右，身份证号脱敏）",
                        List.of(path("ref", "lead reference")), ctx -> {
                            String svg = s.exports().svg(ref(ctx));
                            ctx.contentType("image/svg+xml; charset=utf-8")
                                    .header("Content-Disposition", "attachment; filename=\"lead-" + ref(ctx) + ".svg\"")
                                    .result(svg);
                        }).producing("image/svg+xml"),
                Endpoint.get("/api/leads/{ref}/diagram.png", "exports", "证据关系图（PNG，中文字体渲染）",
                        List.of(path("ref", "lead reference")), ctx -> {
                            byte[] png = s.exports().png(ref(ctx));
                            ctx.contentType("image/png")
                                    .header("Content-Disposition", "attachment; filename=\"lead-" + ref(ctx) + ".png\"")
                                    .result(png);
                        }).producing("image/png"),
                Endpoint.get("/api/leads/{ref}/casefile.docx", "exports", "案卷材料（DOCX：规则、法律依据、关系图、证据行表）",
                        List.of(path("ref", "lead reference")), ctx -> {
                            byte[] docx = s.exports().caseFile(ref(ctx));
                            ctx.contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                                    .header("Content-Disposition", "attachment; filename=\"casefile-" + ref(ctx) + ".docx\"")
                                    .result(docx);
                        }).producing("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    private static String ref(Context ctx) {
        String ref = ctx.pathParam("ref");
        if (!ref.matches("[0-9a-f]{16}")) {
            throw new ApiException.BadRequest("a lead reference is 16 hex digits, was '" + ref + "'");
        }
        return ref;
    }

    private static Workflow.Step step(Context ctx) {
        try {
            Workflow.Step step = ctx.bodyAsClass(Workflow.Step.class);
            if (step == null) {
                throw new ApiException.BadRequest("a JSON body is required");
            }
            return step;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new ApiException.BadRequest("the body must be JSON like {\"to\": \"reviewing\", \"by\": \"…\", \"note\": \"…\"}");
        }
    }
}
