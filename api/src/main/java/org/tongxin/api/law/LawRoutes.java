package org.tongxin.api.law;

import static org.tongxin.api.http.Endpoint.Param.query;

import org.tongxin.domain.law.LawTexts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongxin.api.ApiServices;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.domain.user.Role;

/** The law compilation of the co-education garden: search, one article, the synonym list. Open to every role. */
public final class LawRoutes {

    private LawRoutes() {
    }

    public static List<Endpoint> endpoints(ApiServices s) {
        return List.of(
                Endpoint.get("/api/laws/search", "laws", "法律法规检索（按条；同义词扩展；返回命中位置用于高亮）",
                        List.of(new Endpoint.Param("q", "query", "string", true, "what to look for"),
                                query("top", "integer", "1–50, default 10")), ctx -> {
                            String q = Params.required(ctx, "q");
                            if (q.length() > 200) {
                                throw new ApiException.BadRequest("'q' is at most 200 characters");
                            }
                            int top = Params.integer(ctx, "top", 10, 1, 50);
                            Map<String, Object> out = new LinkedHashMap<>();
                            out.put("query", q);
                            out.put("expanded", s.lawSearch().expand(q));
                            out.put("hits", s.lawSearch().search(q, top));
                            ctx.json(out);
                        }).allow(Role.values()),
                Endpoint.get("/api/laws/article", "laws", "法条原文（按法律简称与条号）",
                        List.of(new Endpoint.Param("law", "query", "string", true, "short title, e.g. 未成年人保护法"),
                                new Endpoint.Param("article", "query", "string", true, "e.g. 第一百一十八条")), ctx -> {
                            String law = Params.required(ctx, "law");
                            String article = Params.required(ctx, "article");
                            LawTexts.Article a = s.laws().article(law, article)
                                    .orElseThrow(() -> new ApiException.NotFound("no article " + article + " in " + law));
                            ctx.json(Map.of("law", a.law(), "version", a.version(), "article", a.article(), "text", a.text()));
                        }).allow(Role.values()),
                Endpoint.get("/api/laws/synonyms", "laws", "检索同义词表（常用说法 → 法律用语）", List.of(),
                        ctx -> ctx.json(Map.of("synonyms", s.lawSearch().synonymList()))).allow(Role.values()));
    }
}
