package org.tongxin.api.cypher;

import static org.tongxin.api.http.Endpoint.Param.body;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tongxin.api.ApiServices;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.graph.Masking;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.security.Role;

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
                    Request r = Bodies.read(ctx, Request.class, "{\"query\": \"MATCH (n) RETURN n LIMIT 5\"}");
                    if (r.query() == null) {
                        throw new ApiException.BadRequest("'query' is required");
                    }
                    if (r.timeoutSeconds() != null && r.timeoutSeconds() < 1) {
                        throw new ApiException.BadRequest("'timeoutSeconds' must be at least 1");
                    }
                    Duration timeout = r.timeoutSeconds() == null ? null : Duration.ofSeconds(r.timeoutSeconds());
                    try {
                        ReadOnlyCypher.Result result = s.cypher().run(r.query(), r.params(), timeout);
                        s.access().record(ctx, "cypher", List.of(), null, detail(r, result.rows().size() + " rows"
                                + (result.truncated() ? " (cut)" : "")));
                        ctx.json(result);
                    } catch (ApiException e) {
                        s.access().record(ctx, "cypher.refused", List.of(), null, detail(r, e.getMessage()));
                        throw e;
                    }
                }).allow(Role.PROSECUTOR, Role.ANALYST));
    }

    /** The query text, its parameters (masked) and the outcome, for the audit log. */
    private static String detail(Request r, String outcome) {
        String params = r.params() == null ? "{}" : String.valueOf(Masking.value(r.params()));
        return "query: " + r.query() + " | params: " + params + " | " + outcome;
    }
}
