package org.tongxin.api.graph;

import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.api.http.Endpoint.Param.query;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;
import org.tongxin.analytics.profile.AssistanceProfile;
import org.tongxin.api.ApiServices;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;

/** The explorer's endpoints: node, relationship, neighbours, paths, source rows, search, venues, profiles. */
public final class GraphRoutes {

    private GraphRoutes() {
    }

    public static List<Endpoint> endpoints(ApiServices s) {
        Set<String> kinds = new HashSet<>(Kinds.hubs().keySet());
        kinds.add("Record");
        return List.of(
                Endpoint.get("/api/graph/nodes/{id}", "graph", "节点详情：属性（脱敏）、记录的原始数据行、实体各属性的来源记录",
                        List.of(path("id", "node element id")), ctx -> ctx.json(s.graph().nodeDetail(ctx.pathParam("id")))),
                Endpoint.get("/api/graph/nodes/{id}/neighbours", "graph", "邻居展开（分页、封顶，按类型与时间窗筛选）",
                        List.of(path("id", "node element id"), query("kinds", "string", "comma-separated: Person,Venue,Record,…"),
                                query("from", "string", "records dated on or after"), query("to", "string", "records dated on or before"),
                                query("skip", "integer", "offset"), query("limit", "integer", "1–" + GraphQueries.MAX_PAGE)),
                        ctx -> ctx.json(s.graph().neighbours(ctx.pathParam("id"), Params.list(ctx, "kinds", kinds),
                                Params.date(ctx, "from"), Params.date(ctx, "to"), Params.integer(ctx, "skip", 0, 0, 1_000_000),
                                Params.integer(ctx, "limit", GraphQueries.DEFAULT_PAGE, 1, GraphQueries.MAX_PAGE)))),
                Endpoint.get("/api/graph/edges/{id}", "graph", "关系详情及其来源记录的原始数据行",
                        List.of(path("id", "relationship element id")), ctx -> ctx.json(s.graph().edgeDetail(ctx.pathParam("id")))),
                Endpoint.get("/api/graph/paths", "graph", "两节点间最短路径（限长，不经过线索节点）",
                        List.of(new Endpoint.Param("from", "query", "string", true, "node element id"),
                                new Endpoint.Param("to", "query", "string", true, "node element id"),
                                query("maxLength", "integer", "1–" + GraphQueries.MAX_PATH_LENGTH + ", default 4"),
                                query("limit", "integer", "most paths, 1–25, default 5")),
                        ctx -> ctx.json(s.graph().paths(Params.required(ctx, "from"), Params.required(ctx, "to"),
                                Params.integer(ctx, "maxLength", 4, 1, GraphQueries.MAX_PATH_LENGTH),
                                Params.integer(ctx, "limit", 5, 1, 25)))),
                Endpoint.get("/api/records", "graph", "按记录号（数据集:主键）取原始数据行",
                        List.of(new Endpoint.Param("rid", "query", "string", true, "dataset:key")),
                        ctx -> ctx.json(s.graph().sourceRow(Params.required(ctx, "rid")))),
                Endpoint.get("/api/search", "search", "全文检索：姓名、身份证号片段、车牌、场所与单位名称（容错部分输入）",
                        List.of(new Endpoint.Param("q", "query", "string", true, "what to look for"),
                                query("kinds", "string", "comma-separated hub kinds"), query("limit", "integer", "1–100, default 20")),
                        ctx -> ctx.json(Map.of("hits", s.search().search(Params.required(ctx, "q"),
                                Params.list(ctx, "kinds", Kinds.hubs().keySet()), Params.integer(ctx, "limit", 20, 1, 100))))),
                Endpoint.post("/api/search/reindex", "search", "从图谱重建检索索引", List.of(),
                        ctx -> ctx.json(Map.of("indexed", s.search().rebuild()))),
                Endpoint.get("/api/venues", "venues", "场所分级（绿/黄/红）与坐标、辖区轮廓",
                        List.of(query("asOf", "string", "yyyy-MM-dd, default the server's date")),
                        ctx -> ctx.json(s.venues().of(Params.date(ctx, "asOf").orElse(s.options().today())))),
                Endpoint.get("/api/profiles/{id}", "profiles", "未成年人精准帮教画像（按人员节点）",
                        List.of(path("id", "person node element id"), query("asOf", "string", "yyyy-MM-dd")),
                        ctx -> ctx.json(Masking.value(Values.plain(profile(s, ctx.pathParam("id"),
                                Params.date(ctx, "asOf").orElse(s.options().today())))))));
    }

    private static Object profile(ApiServices s, String nodeId, java.time.LocalDate asOf) {
        String id;
        try (Session session = s.store().driver().session(s.store().session())) {
            var rows = session.run("MATCH (p:Person) WHERE elementId(p) = $id RETURN p.id AS id", Map.of("id", nodeId)).list();
            if (rows.isEmpty()) {
                throw new ApiException.NotFound("no person " + nodeId);
            }
            id = rows.get(0).get("id").asString(null);
        }
        if (id == null) {
            throw new ApiException.NotFound("this person has no valid identity number, so no profile");
        }
        var profile = AssistanceProfile.of(s.store(), id, asOf)
                .orElseThrow(() -> new ApiException.NotFound("no person " + nodeId));
        return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(profile, Map.class);
    }
}
