package org.tongxin.api.graph;

import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.api.http.Endpoint.Param.query;
import static org.tongxin.api.security.Role.ANALYST;
import static org.tongxin.api.security.Role.PROSECUTOR;
import static org.tongxin.api.security.Role.PSYCHOLOGIST;
import static org.tongxin.api.security.Role.SOCIAL_WORKER;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongxin.analytics.profile.AssistanceProfile;
import org.tongxin.api.ApiServices;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.api.search.SearchIndex;
import org.tongxin.api.security.Principal;

/** The explorer's endpoints: node, relationship, neighbours, paths, source rows, search, venues, profiles. */
public final class GraphRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphRoutes() {
    }

    public static List<Endpoint> endpoints(ApiServices s) {
        Set<String> kinds = new HashSet<>(Kinds.hubs().keySet());
        kinds.add("Record");
        return List.of(
                Endpoint.get("/api/graph/nodes/{id}", "graph", "节点详情：属性（脱敏）、记录的原始数据行、实体各属性的来源记录",
                        List.of(path("id", "node element id")), ctx -> {
                            var d = s.graph().nodeDetail(ctx.pathParam("id"));
                            s.access().record(ctx, "node.read", List.of(ctx.pathParam("id")), null, null);
                            ctx.json(d);
                        }).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/graph/nodes/{id}/neighbours", "graph", "邻居展开（分页、封顶，按类型与时间窗筛选）",
                        List.of(path("id", "node element id"), query("kinds", "string", "comma-separated: Person,Venue,Record,…"),
                                query("from", "string", "records dated on or after"), query("to", "string", "records dated on or before"),
                                query("skip", "integer", "offset"), query("limit", "integer", "1–" + GraphQueries.MAX_PAGE)),
                        ctx -> {
                            var n = s.graph().neighbours(ctx.pathParam("id"), Params.list(ctx, "kinds", kinds),
                                    Params.date(ctx, "from"), Params.date(ctx, "to"), Params.integer(ctx, "skip", 0, 0, 1_000_000),
                                    Params.integer(ctx, "limit", GraphQueries.DEFAULT_PAGE, 1, GraphQueries.MAX_PAGE));
                            s.access().record(ctx, "node.neighbours", ids(n.nodes()), null, "centre " + ctx.pathParam("id"));
                            ctx.json(n);
                        }).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/graph/edges/{id}", "graph", "关系详情及其来源记录的原始数据行",
                        List.of(path("id", "relationship element id")), ctx -> {
                            var d = s.graph().edgeDetail(ctx.pathParam("id"));
                            s.access().record(ctx, "edge.read", List.of(ctx.pathParam("id")), null, null);
                            ctx.json(d);
                        }).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/graph/paths", "graph", "两节点间最短路径（限长，不经过线索节点）",
                        List.of(new Endpoint.Param("from", "query", "string", true, "node element id"),
                                new Endpoint.Param("to", "query", "string", true, "node element id"),
                                query("maxLength", "integer", "1–" + GraphQueries.MAX_PATH_LENGTH + ", default 4"),
                                query("limit", "integer", "most paths, 1–25, default 5")),
                        ctx -> {
                            var p = s.graph().paths(Params.required(ctx, "from"), Params.required(ctx, "to"),
                                    Params.integer(ctx, "maxLength", 4, 1, GraphQueries.MAX_PATH_LENGTH),
                                    Params.integer(ctx, "limit", 5, 1, 25));
                            s.access().record(ctx, "graph.paths", ids(p.nodes()), null, null);
                            ctx.json(p);
                        }).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/records", "graph", "按记录号（数据集:主键）取原始数据行",
                        List.of(new Endpoint.Param("rid", "query", "string", true, "dataset:key")),
                        ctx -> {
                            String rid = Params.required(ctx, "rid");
                            // Records keyed by an identity number would answer whether a guessed number exists.
                            if (Masking.hasClearIdentityNumber(rid) && !Principal.of(ctx).is(PROSECUTOR)) {
                                throw new ApiException.Forbidden("a record id with an identity number is opened for prosecutors only");
                            }
                            var r = s.graph().sourceRow(rid);
                            s.access().record(ctx, "record.read", List.of(Masking.text(Params.required(ctx, "rid"))), null, null);
                            ctx.json(r);
                        }).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/search", "search", "全文检索：姓名、身份证号片段、车牌、场所与单位名称（容错部分输入）",
                        List.of(new Endpoint.Param("q", "query", "string", true, "what to look for"),
                                query("kinds", "string", "comma-separated hub kinds"), query("limit", "integer", "1–100, default 20")),
                        ctx -> {
                            var hits = s.search().search(Params.required(ctx, "q"),
                                    Params.list(ctx, "kinds", Kinds.hubs().keySet()), Params.integer(ctx, "limit", 20, 1, 100),
                                    Principal.of(ctx).is(PROSECUTOR));
                            s.access().record(ctx, "search", hits.stream().map(SearchIndex.Hit::id).toList(), null,
                                    "query of " + Params.required(ctx, "q").length() + " characters");
                            ctx.json(Map.of("hits", hits));
                        }).allow(PROSECUTOR, ANALYST),
                Endpoint.post("/api/search/reindex", "search", "从图谱重建检索索引", List.of(),
                        ctx -> ctx.json(Map.of("indexed", s.search().rebuild()))).allow(PROSECUTOR),
                Endpoint.get("/api/venues", "venues", "场所分级（绿/黄/红）与坐标、辖区轮廓",
                        List.of(query("asOf", "string", "yyyy-MM-dd, default the server's date")),
                        ctx -> ctx.json(s.venues().of(Params.date(ctx, "asOf").orElse(s.options().today()))))
                        .allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/profiles/{id}", "profiles", "未成年人精准帮教画像（按人员节点）",
                        List.of(path("id", "person node element id"), query("asOf", "string", "yyyy-MM-dd")),
                        ctx -> {
                            Object p = profile(s, ctx, ctx.pathParam("id"), Params.date(ctx, "asOf").orElse(s.options().today()));
                            s.access().record(ctx, "profile.read", List.of(ctx.pathParam("id")), null, null);
                            ctx.json(Masking.value(s.store().pseudonyms(), Values.plain(p)));
                        }).allow(PROSECUTOR, SOCIAL_WORKER, PSYCHOLOGIST));
    }

    private static List<String> ids(List<GraphView.GNode> nodes) {
        return nodes.stream().map(GraphView.GNode::id).toList();
    }

    /** Social workers and psychologists see only the minors assigned to them; others answer 404, as if absent. */
    private static Object profile(ApiServices s, io.javalin.http.Context ctx, String nodeId, java.time.LocalDate asOf) {
        String id = s.graph().personId(nodeId);
        Principal me = Principal.of(ctx);
        if ((me.is(SOCIAL_WORKER) || me.is(PSYCHOLOGIST)) && !me.user().assignedMinors().contains(id)) {
            throw new ApiException.NotFound("no person " + nodeId);
        }
        var profile = AssistanceProfile.of(s.store(), id, asOf)
                .orElseThrow(() -> new ApiException.NotFound("no person " + nodeId));
        @SuppressWarnings("unchecked")
        Map<String, Object> out = JSON.convertValue(profile, Map.class);
        out.put("education", JSON.convertValue(s.education().forPerson(id), Map.class));
        return out;
    }
}
