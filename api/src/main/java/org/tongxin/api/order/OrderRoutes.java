package org.tongxin.api.order;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.domain.user.Role.GUARDIAN;
import static org.tongxin.domain.user.Role.PROSECUTOR;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.tongxin.api.ApiServices;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.user.User;
import org.tongxin.model.privacy.Pseudonyms;

/** Supervision and family-education guidance orders: drafted and issued by prosecutors, acknowledged by guardians. */
public final class OrderRoutes {

    /** A status step or a follow-up. */
    public record Step(String to, String kind, String note) {
    }

    private OrderRoutes() {
    }

    public static List<Endpoint> endpoints(ApiServices s) {
        Orders orders = s.orders();
        return List.of(
                Endpoint.post("/api/orders", "orders", "起草督促监护令或家庭教育指导令（来自监护类线索或人员画像）",
                        List.of(body("{\"kind\": \"supervision|guidance\", \"lead\": ref | \"person\": node id, facts, requirements, dueBy, guardianUser}")), ctx -> {
                            Orders.Draft d = Bodies.read(ctx, Orders.Draft.class, "{\"kind\": \"supervision\", \"lead\": \"…\"}");
                            boolean byLead = d.lead() != null && !d.lead().isBlank();
                            boolean byPerson = d.person() != null && !d.person().isBlank();
                            if (byLead == byPerson) {
                                throw new ApiException.BadRequest("draft from one 'lead' (a guardianship lead's ref) or one 'person' (node id)");
                            }
                            String minor;
                            String summary = null;
                            if (byLead) {
                                Map<String, Object> lead = s.leads().summary(d.lead());
                                minor = minorOf(lead, s.store().pseudonyms());
                                summary = lead.get("summary") == null ? null : lead.get("summary").toString();
                            } else {
                                minor = s.graph().personId(d.person());
                            }
                            Map<String, Object> out = orders.draft(me(ctx).name(), d, minor, byLead ? d.lead() : null, summary, s.options().today());
                            s.access().record(ctx, "order.draft", List.of((String) out.get("id")), null, d.kind());
                            ctx.status(201).json(out);
                        }).allow(PROSECUTOR),
                Endpoint.get("/api/orders", "orders", "令状列表（监护人只见发给自己的）", List.of(), ctx -> {
                    Principal me = Principal.of(ctx);
                    var items = orders.list(me.is(GUARDIAN) ? me.user().name() : null);
                    s.access().record(ctx, "order.list", items.stream().map(o -> (String) o.get("id")).toList(), null, null);
                    ctx.json(Map.of("items", items));
                }).allow(PROSECUTOR, GUARDIAN),
                Endpoint.get("/api/orders/{id}", "orders", "令状详情与办理经过", List.of(path("id", "order id")), ctx -> {
                    Map<String, Object> o = visible(ctx, orders, ctx.pathParam("id"));
                    s.access().record(ctx, "order.read", List.of(ctx.pathParam("id")), null, null);
                    ctx.json(o);
                }).allow(PROSECUTOR, GUARDIAN),
                Endpoint.post("/api/orders/{id}/draft", "orders", "修改草稿：事实、责令事项、期限、监护人账号",
                        List.of(path("id", "order id"), body("{facts, requirements, dueBy, guardianUser}")), ctx -> {
                            Orders.Draft d = Bodies.read(ctx, Orders.Draft.class, "{\"facts\": \"…\"}");
                            ctx.json(orders.edit(ctx.pathParam("id"), d, s.options().today()));
                        }).allow(PROSECUTOR),
                Endpoint.post("/api/orders/{id}/issue", "orders", "发出令状（送达监护人账号，并开设留言）",
                        List.of(path("id", "order id")), ctx -> {
                            String id = ctx.pathParam("id");
                            Map<String, Object> o = orders.detail(id);
                            String guardian = String.valueOf(o.get("guardianUser"));
                            User g = s.access().users().get(guardian).filter(u -> u.role() == GUARDIAN)
                                    .orElseThrow(() -> new ApiException.Refused("set 'guardianUser' to the guardian's account (role guardian) before issuing"));
                            orders.step(id, "issued", "status", me(ctx).name(), "");
                            var thread = s.board().open(me(ctx).name(), o.get("kindZh") + " " + id, "order:" + id, List.of(g.name()));
                            orders.linkThread(id, thread.id());
                            s.access().record(ctx, "order.issue", List.of(id), null, "to " + g.name());
                            ctx.json(orders.detail(id));
                        }).allow(PROSECUTOR),
                Endpoint.post("/api/orders/{id}/acknowledge", "orders", "监护人在线确认收到令状",
                        List.of(path("id", "order id"), body("{\"note\": optional}")), ctx -> {
                            visible(ctx, orders, ctx.pathParam("id"));
                            Step st = Bodies.read(ctx, Step.class, "{\"note\": \"已收到\"}");
                            Map<String, Object> out = orders.step(ctx.pathParam("id"), "acknowledged", "status", me(ctx).name(),
                                    st.note() == null ? "" : st.note().strip());
                            s.access().record(ctx, "order.acknowledge", List.of(ctx.pathParam("id")), null, null);
                            ctx.json(out);
                        }).allow(GUARDIAN),
                Endpoint.post("/api/orders/{id}/followups", "orders", "跟踪回访：走访或记录",
                        List.of(path("id", "order id"), body("{\"kind\": \"visit|note\", \"note\"}")), ctx -> {
                            Step st = Bodies.read(ctx, Step.class, "{\"kind\": \"visit\", \"note\": \"…\"}");
                            if (st.kind() == null || !List.of("visit", "note").contains(st.kind())) {
                                throw new ApiException.BadRequest("'kind' is visit or note");
                            }
                            String note = Bodies.text(st.note(), "note", 4000, true);
                            Map<String, Object> out = orders.step(ctx.pathParam("id"), null, st.kind(), me(ctx).name(), note);
                            s.access().record(ctx, "order.followup", List.of(ctx.pathParam("id")), null, st.kind());
                            ctx.json(out);
                        }).allow(PROSECUTOR),
                Endpoint.post("/api/orders/{id}/status", "orders", "结案或撤回（附说明）",
                        List.of(path("id", "order id"), body("{\"to\": \"closed|cancelled\", \"note\"}")), ctx -> {
                            Step st = Bodies.read(ctx, Step.class, "{\"to\": \"closed\", \"note\": \"…\"}");
                            if (st.to() == null || !List.of("closed", "cancelled").contains(st.to())) {
                                throw new ApiException.BadRequest("'to' is closed or cancelled (issue and acknowledge have their own steps)");
                            }
                            String note = Bodies.text(st.note(), "note", 4000, true);
                            Map<String, Object> out = orders.step(ctx.pathParam("id"), st.to(), "status", me(ctx).name(), note);
                            s.access().record(ctx, "order.status", List.of(ctx.pathParam("id")), null, st.to());
                            ctx.json(out);
                        }).allow(PROSECUTOR),
                Endpoint.get("/api/orders/{id}/document.docx", "orders", "令状文书（DOCX）", List.of(path("id", "order id")), ctx -> {
                    visible(ctx, orders, ctx.pathParam("id"));
                    byte[] doc = orders.document(ctx.pathParam("id"), s.options().letterhead());
                    s.access().record(ctx, "order.export", List.of(ctx.pathParam("id")), null, "docx");
                    ctx.header("Content-Disposition", "attachment; filename=\"order-" + ctx.pathParam("id") + ".docx\"");
                    ctx.contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document").result(doc);
                }).allow(PROSECUTOR, GUARDIAN)
                        .producing("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    /**
     * The identity number of the minor a guardianship lead is about (its key ends in the minor's number, kept as a
     * token); other leads are refused.
     */
    public static String minorOf(Map<String, Object> leadSummary, Pseudonyms pseudonyms) {
        String key = String.valueOf(leadSummary.get("rawKey"));
        if (!key.startsWith("guardianship:")) {
            throw new ApiException.Refused("an order is drafted from a guardianship lead; this one is " + leadSummary.get("model"));
        }
        return pseudonyms.reveal(key.substring("guardianship:".length()));
    }

    private static User me(Context ctx) {
        return Principal.of(ctx).user();
    }

    /** Prosecutors see every order; a guardian only issued orders addressed to them (others: 404, as if absent). */
    private static Map<String, Object> visible(Context ctx, Orders orders, String id) {
        Map<String, Object> o = orders.detail(id);
        Principal me = Principal.of(ctx);
        if (me.is(GUARDIAN) && (!me.user().name().equals(o.get("guardianUser"))
                || List.of("draft", "cancelled").contains(String.valueOf(o.get("status"))))) {
            throw new ApiException.NotFound("no order " + id);
        }
        return o;
    }
}
