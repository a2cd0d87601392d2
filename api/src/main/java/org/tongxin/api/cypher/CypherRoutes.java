package org.tongxin.api.cypher;

import static org.tongxin.api.http.Endpoint.Param.body;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tongxin.api.http.Statuses;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.security.Access;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.cypher.ReadOnlyCypher;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.user.Role;

/**
 * The ad-hoc Cypher console's endpoint. Every query is in the audit log before it runs ({@code cypher.start}) and
 * again with its outcome: {@code cypher} (rows returned), {@code cypher.refused} (any 4xx: refused, too long,
 * too many at once, stopped at the time limit) or {@code cypher.failed} (a 500). The stored text has identity
 * and mobile numbers masked, in the query as in its parameters.
 */
public final class CypherRoutes {

    /** The request body. */
    public record Request(String query, Map<String, Object> params, Integer timeoutSeconds) {
    }

    /** The most of a query's text the audit log keeps; the length is always noted. */
    static final int AUDIT_TEXT_CHARS = 2_000;

    private final ReadOnlyCypher cypher;
    private final Access access;

    public CypherRoutes(ReadOnlyCypher cypher, Access access) {
        this.cypher = cypher;
        this.access = access;
    }

    public List<Endpoint> endpoints() {
        return List.of(Endpoint.post("/api/cypher", "cypher",
                "只读 Cypher 查询：先检查再以只读事务执行，限时（默认 10 秒，只能缩短）、限行（默认 10,000 行），写操作被拒绝",
                List.of(body("{\"query\": \"MATCH …\", \"params\": {…}, \"timeoutSeconds\": n}")), this::run)
                .accepts(Request.class).returns(ReadOnlyCypher.Result.class).allow(Role.PROSECUTOR, Role.ANALYST));
    }

    private void run(Context ctx) {
        Request r = Bodies.read(ctx, Request.class, "{\"query\": \"MATCH (n) RETURN n LIMIT 5\"}");
        access.record(ctx, "cypher.start", List.of(), null, detail(r, "started"));
        try {
            if (r.query() == null) {
                throw Problem.invalid("cypher.query-required");
            }
            if (r.timeoutSeconds() != null && r.timeoutSeconds() < 1) {
                throw Problem.invalid("cypher.timeout-at-least-one");
            }
            Duration timeout = r.timeoutSeconds() == null ? null : Duration.ofSeconds(r.timeoutSeconds());
            ReadOnlyCypher.Result result = cypher.run(Principal.of(ctx).user().name(), r.query(), r.params(), timeout);
            access.record(ctx, "cypher", List.of(), null, detail(r, result.rows().size() + " rows"
                    + (result.truncated() ? " (cut)" : "")));
            ctx.json(result);
        } catch (Problem e) {
            access.record(ctx, "cypher.refused", List.of(), null, detail(r, Statuses.of(e.kind()) + " "
                    + e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            // The message may carry query text or values: the log gets the type only.
            access.record(ctx, "cypher.failed", List.of(), null, detail(r, "500 " + e.getClass().getName()));
            throw e;
        }
    }

    /** The query text and its parameters (both masked, the text cut if long) and the outcome, for the audit log. */
    static String detail(Request r, String outcome) {
        String q = r.query() == null ? "" : r.query();
        String text = q.length() <= AUDIT_TEXT_CHARS ? q
                : q.substring(0, AUDIT_TEXT_CHARS) + " … (" + q.length() + " characters)";
        String params = r.params() == null ? "{}" : Masking.forAudit(String.valueOf(Masking.value(r.params())));
        return "query: " + Masking.forAudit(text) + " | params: " + params + " | " + Masking.forAudit(outcome);
    }
}
