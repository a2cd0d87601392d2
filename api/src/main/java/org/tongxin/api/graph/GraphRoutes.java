package org.tongxin.api.graph;

import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.api.http.Endpoint.Param.query;
import static org.tongxin.domain.user.Role.ANALYST;
import static org.tongxin.domain.user.Role.PROSECUTOR;

import io.javalin.http.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tongxin.domain.audit.AuditDetail;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.api.security.Access;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.graph.GraphQueries;
import org.tongxin.domain.graph.GraphView;
import org.tongxin.domain.graph.Kinds;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.graph.Timeline;
import org.tongxin.domain.problem.Problem;

/** The explorer's endpoints: node, relationship, neighbours, a person's timeline, paths, source rows. */
public final class GraphRoutes {

    private final GraphQueries graph;
    private final Timeline timeline;
    private final Access access;
    private final Set<String> kinds = new HashSet<>(Kinds.hubs().keySet());

    public GraphRoutes(GraphQueries graph, Timeline timeline, Access access) {
        this.graph = graph;
        this.timeline = timeline;
        this.access = access;
        kinds.add("Record");
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/graph/nodes/{id}", "graph", "节点详情：属性（脱敏）、记录的原始数据行、实体各属性的来源记录",
                        List.of(path("id", "node element id")), this::node)
                        .returns(GraphQueries.NodeDetail.class).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/graph/nodes/{id}/neighbours", "graph", "邻居展开（分页、封顶，按类型与时间窗筛选）",
                        List.of(path("id", "node element id"), query("kinds", "string", "comma-separated: Person,Venue,Record,…"),
                                query("from", "string", "records dated on or after"), query("to", "string", "records dated on or before"),
                                query("skip", "integer", "offset"), query("limit", "integer", "1–" + GraphQueries.MAX_PAGE)),
                        this::neighbours).returns(GraphQueries.Neighbourhood.class).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/graph/nodes/{id}/timeline", "graph", "人员时间线：与此人关联的各类有日期记录按时间排列（封顶，脱敏），每条指向其原始记录",
                        List.of(path("id", "person node element id"),
                                query("limit", "integer", "most dated events, 1–" + Timeline.MAX_LIMIT + ", default " + Timeline.DEFAULT_LIMIT)),
                        this::timeline).returns(Timeline.PersonTimeline.class).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/graph/edges/{id}", "graph", "关系详情及其来源记录的原始数据行",
                        List.of(path("id", "relationship element id")), this::edge)
                        .returns(GraphQueries.EdgeDetail.class).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/graph/paths", "graph", "两节点间最短路径（限长，不经过线索节点）",
                        List.of(new Endpoint.Param("from", "query", "string", true, "node element id"),
                                new Endpoint.Param("to", "query", "string", true, "node element id"),
                                query("maxLength", "integer", "1–" + GraphQueries.MAX_PATH_LENGTH + ", default 4"),
                                query("limit", "integer", "most paths, 1–25, default 5")),
                        this::paths).returns(GraphQueries.Paths.class).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/records", "graph", "按记录号（数据集:主键）取原始数据行",
                        List.of(new Endpoint.Param("rid", "query", "string", true, "dataset:key")), this::record)
                        .returns(GraphQueries.SourceRow.class).allow(PROSECUTOR, ANALYST));
    }

    private void node(Context ctx) {
        var d = graph.nodeDetail(ctx.pathParam("id"));
        access.record(ctx, "node.read", List.of(ctx.pathParam("id")), null, null);
        ctx.json(d);
    }

    private void neighbours(Context ctx) {
        var n = graph.neighbours(ctx.pathParam("id"), Params.list(ctx, "kinds", kinds),
                Params.date(ctx, "from"), Params.date(ctx, "to"), Params.integer(ctx, "skip", 0, 0, 1_000_000),
                Params.integer(ctx, "limit", GraphQueries.DEFAULT_PAGE, 1, GraphQueries.MAX_PAGE));
        access.recordDetail(ctx, "node.neighbours", ids(n.nodes()), null, AuditDetail.of("centre", ctx.pathParam("id")));
        ctx.json(n);
    }

    private void timeline(Context ctx) {
        var t = timeline.of(ctx.pathParam("id"), Params.integer(ctx, "limit", Timeline.DEFAULT_LIMIT, 1, Timeline.MAX_LIMIT));
        access.recordDetail(ctx, "node.timeline", List.of(ctx.pathParam("id")), null, AuditDetail.count(t.events().size()));
        ctx.json(t);
    }

    private void edge(Context ctx) {
        var d = graph.edgeDetail(ctx.pathParam("id"));
        access.record(ctx, "edge.read", List.of(ctx.pathParam("id")), null, null);
        ctx.json(d);
    }

    private void paths(Context ctx) {
        var p = graph.paths(Params.required(ctx, "from"), Params.required(ctx, "to"),
                Params.integer(ctx, "maxLength", 4, 1, GraphQueries.MAX_PATH_LENGTH),
                Params.integer(ctx, "limit", 5, 1, 25));
        access.record(ctx, "graph.paths", ids(p.nodes()), null, null);
        ctx.json(p);
    }

    private void record(Context ctx) {
        String rid = Params.required(ctx, "rid");
        // Records keyed by an identity number would answer whether a guessed number exists.
        if (Masking.hasClearIdentityNumber(rid) && !Principal.of(ctx).is(PROSECUTOR)) {
            throw Problem.forbidden("graph.record-id-prosecutors-only");
        }
        var r = graph.sourceRow(rid);
        access.record(ctx, "record.read", List.of(Masking.text(rid)), null, null);
        ctx.json(r);
    }

    private static List<String> ids(List<GraphView.GNode> nodes) {
        return nodes.stream().map(GraphView.GNode::id).toList();
    }
}
