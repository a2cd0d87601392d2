package org.tongxin.api.search;

import static org.tongxin.api.http.Endpoint.Param.query;
import static org.tongxin.domain.user.Role.ANALYST;
import static org.tongxin.domain.user.Role.PROSECUTOR;

import io.javalin.http.Context;
import java.util.List;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.api.security.Access;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.graph.Kinds;
import org.tongxin.domain.search.SearchIndex;

/** Full-text search over the hubs, and rebuilding its index. */
public final class SearchRoutes {

    private final SearchIndex search;
    private final Access access;

    public SearchRoutes(SearchIndex search, Access access) {
        this.search = search;
        this.access = access;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/search", "search", "全文检索：姓名、身份证号片段、车牌、场所与单位名称（容错部分输入）",
                        List.of(new Endpoint.Param("q", "query", "string", true, "what to look for"),
                                query("kinds", "string", "comma-separated hub kinds"), query("limit", "integer", "1–100, default 20")),
                        this::search).returns(SearchIndex.Hits.class).allow(PROSECUTOR, ANALYST),
                Endpoint.post("/api/search/reindex", "search", "从图谱重建检索索引", List.of(), this::reindex)
                        .returns(SearchIndex.Reindexed.class).allow(PROSECUTOR));
    }

    private void search(Context ctx) {
        String q = Params.required(ctx, "q");
        var hits = search.search(q, Params.list(ctx, "kinds", Kinds.hubs().keySet()), Params.integer(ctx, "limit", 20, 1, 100),
                Principal.of(ctx).is(PROSECUTOR));
        access.record(ctx, "search", hits.stream().map(SearchIndex.Hit::id).toList(), null,
                "query of " + q.length() + " characters");
        ctx.json(new SearchIndex.Hits(hits));
    }

    private void reindex(Context ctx) {
        ctx.json(new SearchIndex.Reindexed(search.rebuild()));
    }
}
