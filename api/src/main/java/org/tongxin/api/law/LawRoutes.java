package org.tongxin.api.law;

import static org.tongxin.api.http.Endpoint.Param.query;

import io.javalin.http.Context;
import java.util.List;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.domain.law.LawSearch;
import org.tongxin.domain.law.LawTexts;
import org.tongxin.domain.user.Role;

/** The law compilation of the co-education garden: search, one article, the synonym list. Open to every role. */
public final class LawRoutes {

    private final LawTexts laws;
    private final LawSearch search;

    public LawRoutes(LawTexts laws, LawSearch search) {
        this.laws = laws;
        this.search = search;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/laws/search", "laws", "法律法规检索（按条；同义词扩展；返回命中位置用于高亮）",
                        List.of(new Endpoint.Param("q", "query", "string", true, "what to look for"),
                                query("top", "integer", "1–50, default 10")), this::search)
                        .returns(LawSearch.Answer.class).allow(Role.values()),
                Endpoint.get("/api/laws/article", "laws", "法条原文（按法律简称与条号）",
                        List.of(new Endpoint.Param("law", "query", "string", true, "short title, e.g. 未成年人保护法"),
                                new Endpoint.Param("article", "query", "string", true, "e.g. 第一百一十八条")), this::article)
                        .returns(LawTexts.Article.class).allow(Role.values()),
                Endpoint.get("/api/laws/synonyms", "laws", "检索同义词表（常用说法 → 法律用语）", List.of(), this::synonyms)
                        .returns(LawSearch.Synonyms.class).allow(Role.values()));
    }

    private void search(Context ctx) {
        String q = Params.required(ctx, "q");
        ctx.json(search.answer(q, Params.integer(ctx, "top", 10, 1, 50)));
    }

    private void article(Context ctx) {
        ctx.json(laws.require(Params.required(ctx, "law"), Params.required(ctx, "article")));
    }

    private void synonyms(Context ctx) {
        ctx.json(search.synonymsAnswer());
    }
}
