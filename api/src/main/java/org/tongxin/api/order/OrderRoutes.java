package org.tongxin.api.order;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.domain.user.Role.GUARDIAN;
import static org.tongxin.domain.user.Role.PROSECUTOR;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.tongxin.domain.audit.AuditDetail;
import org.tongxin.api.config.ApiOptions;
import org.tongxin.domain.board.Board;
import org.tongxin.domain.graph.GraphQueries;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.domain.lead.LeadQueries;
import org.tongxin.api.security.Access;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.user.User;
import org.tongxin.domain.lead.LeadSummary;
import org.tongxin.domain.order.Orders;
import org.tongxin.domain.order.OrderStatus;
import org.tongxin.domain.order.Orders.OrderView;
import org.tongxin.domain.problem.Check;
import org.tongxin.domain.problem.Localized;
import org.tongxin.domain.problem.Problem;
import org.tongxin.model.privacy.Pseudonyms;

/** Supervision and family-education guidance orders: drafted and issued by prosecutors, acknowledged by guardians. */
public final class OrderRoutes {

    /** A status step or a follow-up. */
    public record Step(String to, String kind, String note) {
    }

    /** The order list. */
    public record OrderList(List<OrderView> items) {
    }

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Orders orders;
    private final LeadQueries leads;
    private final GraphQueries graph;
    private final Access access;
    private final Board board;
    private final ApiOptions options;
    private final Pseudonyms pseudonyms;

    public OrderRoutes(Orders orders, LeadQueries leads, GraphQueries graph, Access access, Board board,
                       ApiOptions options, Pseudonyms pseudonyms) {
        this.orders = orders;
        this.leads = leads;
        this.graph = graph;
        this.access = access;
        this.board = board;
        this.options = options;
        this.pseudonyms = pseudonyms;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/api/orders", "orders", "起草督促监护令或家庭教育指导令（来自监护类线索或人员画像）",
                        List.of(body("{\"kind\": \"supervision|guidance\", \"lead\": ref | \"person\": node id, facts, requirements, dueBy, guardianUser}")),
                        this::draft).accepts(Orders.Draft.class).returns(OrderView.class).allow(PROSECUTOR),
                Endpoint.get("/api/orders", "orders", "令状列表（监护人只见发给自己的）", List.of(), this::list)
                        .returns(OrderList.class).allow(PROSECUTOR, GUARDIAN),
                Endpoint.get("/api/orders/{id}", "orders", "令状详情与办理经过", List.of(path("id", "order id")), this::read)
                        .returns(OrderView.class).allow(PROSECUTOR, GUARDIAN),
                Endpoint.post("/api/orders/{id}/draft", "orders", "修改草稿：事实、责令事项、期限、监护人账号",
                        List.of(path("id", "order id"), body("{facts, requirements, dueBy, guardianUser}")), this::edit)
                        .accepts(Orders.Draft.class).returns(OrderView.class).allow(PROSECUTOR),
                Endpoint.post("/api/orders/{id}/issue", "orders", "发出令状（送达监护人账号，并开设留言）",
                        List.of(path("id", "order id")), this::issue).returns(OrderView.class).allow(PROSECUTOR),
                Endpoint.post("/api/orders/{id}/acknowledge", "orders", "监护人在线确认收到令状",
                        List.of(path("id", "order id"), body("{\"note\": optional}")), this::acknowledge)
                        .accepts(Step.class).returns(OrderView.class).allow(GUARDIAN),
                Endpoint.post("/api/orders/{id}/followups", "orders", "跟踪回访：走访或记录",
                        List.of(path("id", "order id"), body("{\"kind\": \"visit|note\", \"note\"}")), this::followUp)
                        .accepts(Step.class).returns(OrderView.class).allow(PROSECUTOR),
                Endpoint.post("/api/orders/{id}/status", "orders", "结案或撤回（附说明）",
                        List.of(path("id", "order id"), body("{\"to\": \"closed|cancelled\", \"note\"}")), this::close)
                        .accepts(Step.class).returns(OrderView.class).allow(PROSECUTOR),
                Endpoint.get("/api/orders/{id}/document.docx", "orders", "令状文书（DOCX）", List.of(path("id", "order id")),
                        this::document).allow(PROSECUTOR, GUARDIAN).producing(DOCX));
    }

    private void draft(Context ctx) {
        Orders.Draft d = Bodies.read(ctx, Orders.Draft.class, "{\"kind\": \"supervision\", \"lead\": \"…\"}");
        guardianAccount(d);
        boolean byLead = d.lead() != null && !d.lead().isBlank();
        boolean byPerson = d.person() != null && !d.person().isBlank();
        if (byLead == byPerson) {
            throw Problem.invalid("order.draft-source");
        }
        String minor;
        String summary = null;
        if (byLead) {
            LeadSummary lead = leads.summary(d.lead());
            minor = minorOf(lead, pseudonyms);
            summary = lead.summary();
        } else {
            minor = graph.personId(d.person());
        }
        OrderView out = orders.draft(me(ctx).name(), d, minor, byLead ? d.lead() : null, summary, options.today());
        access.record(ctx, "order.draft", List.of(out.id()), null, d.kind());
        ctx.status(201).json(out);
    }

    private void list(Context ctx) {
        Principal me = Principal.of(ctx);
        List<OrderView> items = orders.list(me.is(GUARDIAN) ? me.user().name() : null).stream()
                .map(o -> me.is(GUARDIAN) ? o.withoutNext() : o).toList();
        access.record(ctx, "order.list", items.stream().map(OrderView::id).toList(), null, null);
        ctx.json(new OrderList(items));
    }

    private void read(Context ctx) {
        OrderView o = visible(ctx, ctx.pathParam("id"));
        access.record(ctx, "order.read", List.of(ctx.pathParam("id")), null, null);
        ctx.json(o);
    }

    private void edit(Context ctx) {
        Orders.Draft d = Bodies.read(ctx, Orders.Draft.class, "{\"facts\": \"…\"}");
        guardianAccount(d);
        OrderView out = orders.edit(ctx.pathParam("id"), d, options.today());
        access.record(ctx, "order.edit", List.of(ctx.pathParam("id")), null, edited(d));
        ctx.json(out);
    }

    /** A guardian's account named on a draft must be one (blank leaves it to be named before issuing). */
    private void guardianAccount(Orders.Draft d) {
        String name = d.guardianUser() == null ? "" : d.guardianUser().strip();
        if (!name.isEmpty() && access.users().get(name).filter(u -> u.role() == GUARDIAN).isEmpty()) {
            throw Problem.invalid("order.guardian-account-unknown");
        }
    }

    /** Which fields a draft's edit changed, in Chinese (their values may be personal: the audit names them, never quotes). */
    private static String edited(Orders.Draft d) {
        List<String> fields = new java.util.ArrayList<>();
        if (d.facts() != null) {
            fields.add("事实");
        }
        if (d.requirements() != null) {
            fields.add("责令事项");
        }
        if (d.dueBy() != null && !d.dueBy().isBlank()) {
            fields.add("履行期限");
        }
        if (d.guardianName() != null && !d.guardianName().isBlank()) {
            fields.add("监护人姓名");
        }
        if (d.guardianUser() != null) {
            fields.add("监护人账号");
        }
        return "修改" + String.join("、", fields);
    }

    private void issue(Context ctx) {
        String id = ctx.pathParam("id");
        OrderView o = orders.detail(id);
        String guardian = String.valueOf(o.guardianUser());
        User g = access.users().get(guardian).filter(u -> u.role() == GUARDIAN)
                .orElseThrow(() -> Problem.refused("order.guardian-account"));
        // The document is addressed to the guardian by name: an order to "监护人：" (blank) is not issued.
        if (o.guardianName() == null || o.guardianName().isBlank()) {
            throw Problem.refused("order.guardian-name");
        }
        orders.step(id, "issued", "status", me(ctx).name(), "");
        var thread = board.open(me(ctx).name(), o.kindZh() + " " + id, "order:" + id, List.of(g.name()));
        orders.linkThread(id, thread.id());
        access.recordDetail(ctx, "order.issue", List.of(id), null, AuditDetail.of("issued", g.name()));
        ctx.json(orders.detail(id));
    }

    private void acknowledge(Context ctx) {
        visible(ctx, ctx.pathParam("id"));
        Step st = Bodies.read(ctx, Step.class, "{\"note\": \"已收到\"}");
        OrderView out = orders.step(ctx.pathParam("id"), "acknowledged", "status", me(ctx).name(),
                st.note() == null ? "" : st.note().strip());
        access.record(ctx, "order.acknowledge", List.of(ctx.pathParam("id")), null, null);
        ctx.json(out.withoutNext());
    }

    private void followUp(Context ctx) {
        Step st = Bodies.read(ctx, Step.class, "{\"kind\": \"visit\", \"note\": \"…\"}");
        if (st.kind() == null || !List.of("visit", "note").contains(st.kind())) {
            throw Problem.invalid("order.followup-kind");
        }
        String note = Check.text(st.note(), "note", 4000, true);
        OrderView out = orders.step(ctx.pathParam("id"), null, st.kind(), me(ctx).name(), note);
        access.record(ctx, "order.followup", List.of(ctx.pathParam("id")), null, st.kind());
        ctx.json(out);
    }

    private void close(Context ctx) {
        Step st = Bodies.read(ctx, Step.class, "{\"to\": \"closed\", \"note\": \"…\"}");
        if (OrderStatus.of(st.to()).filter(OrderStatus.BY_NOTE::contains).isEmpty()) {
            throw Problem.invalid("order.status-to");
        }
        String note = Check.text(st.note(), "note", 4000, true);
        OrderView out = orders.step(ctx.pathParam("id"), st.to(), "status", me(ctx).name(), note);
        access.recordDetail(ctx, "order.status", List.of(ctx.pathParam("id")), null, AuditDetail.status("order", st.to()));
        ctx.json(out);
    }

    private void document(Context ctx) {
        visible(ctx, ctx.pathParam("id"));
        byte[] doc = orders.document(ctx.pathParam("id"), options.letterhead());
        access.record(ctx, "order.export", List.of(ctx.pathParam("id")), null, "docx");
        ctx.header("Content-Disposition", "attachment; filename=\"order-" + ctx.pathParam("id") + ".docx\"");
        ctx.contentType(DOCX).result(doc);
    }

    /**
     * The identity number of the minor a guardianship lead is about (its key ends in the minor's number, kept as a
     * token); other leads are refused.
     */
    public static String minorOf(LeadSummary leadSummary, Pseudonyms pseudonyms) {
        String key = String.valueOf(leadSummary.rawKey());
        if (!key.startsWith("guardianship:")) {
            throw Problem.refused("order.not-guardianship",
                    new Localized(String.valueOf(leadSummary.modelTitle()), String.valueOf(leadSummary.model())));
        }
        return pseudonyms.reveal(key.substring("guardianship:".length()));
    }

    private static User me(Context ctx) {
        return Principal.of(ctx).user();
    }

    /** Prosecutors see every order; a guardian only issued orders addressed to them (others: 404, as if absent). */
    private OrderView visible(Context ctx, String id) {
        OrderView o = orders.detail(id);
        Principal me = Principal.of(ctx);
        if (me.is(GUARDIAN) && (!me.user().name().equals(o.guardianUser())
                || List.of("draft", "cancelled").contains(String.valueOf(o.status())))) {
            throw Problem.notFound("order.not-found", id);
        }
        return me.is(GUARDIAN) ? o.withoutNext() : o;
    }
}
