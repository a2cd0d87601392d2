package org.tongxin.api.cypher;

import static org.tongxin.api.http.Endpoint.Param.body;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tongxin.api.ApiServices;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Endpoint;

/** The ad-hoc Cypher console's endpoint. */
public final class CypherRoutes {

    /** The request body. */
    public record Request(String query, Map<String, Object> params, Integer timeoutSeconds) {
    }

    private CypherRoutes() {
    }

    public static List<Endpoint> endpoints(ApiServices s) {
        return List.of(Endpoint.post("/api/cypher", "cypher",
                "只读 Cypher 查询：先检查再以只读事务执行，限时（默认 10 秒，只能缩短）、限行（默认 10,000 行），写操作被拒绝",
                List.of(body("{\"query\": \"MATCH …\", \"params\": {…}, \"timeoutSeconds\": n}")), ctx -> {
                    Request r;
                    try {
                        r = ctx.bodyAsClass(Request.class);
                    } catch (Exception e) {
                        throw new ApiException.BadRequest("the body must be JSON like {\"query\": \"MATCH (n) RETURN n LIMIT 5\"}");
                    }
                    if (r == null || r.query() == null) {
                        throw new ApiException.BadRequest("'query' is required");
                    }
                    if (r.timeoutSeconds() != null && r.timeoutSeconds() < 1) {
                        throw new ApiException.BadRequest("'timeoutSeconds' must be at least 1");
                    }
                    Duration timeout = r.timeoutSeconds() == null ? null : Duration.ofSeconds(r.timeoutSeconds());
                    ctx.json(s.cypher().run(r.query(), r.params(), timeout));
                }));
    }
}
