package org.tongxin.api.audit;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.api.http.Endpoint.Param.query;
import static org.tongxin.domain.user.Role.PROSECUTOR;
import static org.tongxin.domain.user.Role.PSYCHOLOGIST;
import static org.tongxin.domain.user.Role.SOCIAL_WORKER;

import org.tongxin.domain.audit.AuditLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.tongxin.api.ApiServices;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.graph.Values;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.api.security.Principal;
import org.tongxin.model.id.IdNumber;
import org.tongxin.model.privacy.PiiKind;

/** Accountability: the audit log for prosecutors, unmasking one record with a reason, assigning minors. */
public final class AuditRoutes {

    /** Unmask request: which node, and why. */
    public record Unmask(String id, String reason) {
    }

    /** Assignment request: which social worker or psychologist, which person node. */
    public record Assignment(String user, String person) {
    }

    private AuditRoutes() {
    }

    public static List<Endpoint> endpoints(ApiServices s) {
        return List.of(
                Endpoint.get("/api/audit", "audit", "审计日志（最新在前）及哈希链校验结果",
                        List.of(query("user", "string", "only this user"), query("action", "string", "only actions starting with this"),
                                query("limit", "integer", "1–1000, default 200")), ctx -> {
                            String user = Params.text(ctx, "user").orElse(null);
                            String action = Params.text(ctx, "action").orElse(null);
                            int limit = Params.integer(ctx, "limit", 200, 1, 1000);
                            var entries = s.access().audit().recent(e -> (user == null || user.equals(e.user()))
                                    && (action == null || (e.action() != null && e.action().startsWith(action))), limit);
                            AuditLog.Verification v = AuditLog.verify(s.access().audit().file());
                            Map<String, Object> out = new LinkedHashMap<>();
                            out.put("chain", Map.of("entries", v.entries(), "intact", v.intact(),
                                    "firstBroken", v.firstBroken() == null ? "" : v.firstBroken(),
                                    "reason", v.reason() == null ? "" : v.reason()));
                            // The file keeps what was asked in full; the page shows it masked like everything else.
                            out.put("entries", Masking.value(Values.plain(entries.stream().map(e -> (Object) Map.of(
                                    "seq", e.seq(), "at", e.at(), "user", e.user(), "role", e.role() == null ? "" : e.role(),
                                    "action", e.action(), "what", e.what(), "why", e.why() == null ? "" : e.why(),
                                    "detail", e.detail() == null ? "" : e.detail())).toList())));
                            ctx.json(out);
                        }).allow(PROSECUTOR),
                Endpoint.post("/api/unmask", "audit", "检察官说明理由后查看一条记录的完整身份信息（记入审计）",
                        List.of(body("{\"id\": node element id, \"reason\": why}")), ctx -> {
                            Unmask u = Bodies.read(ctx, Unmask.class, "{\"id\": \"…\", \"reason\": \"…\"}");
                            if (u.id() == null || u.reason() == null || u.reason().strip().length() < 4) {
                                throw new ApiException.BadRequest("'id' and a 'reason' of at least 4 characters are required");
                            }
                            var d = s.graph().nodeDetailUnmasked(u.id());
                            s.access().record(ctx, "unmask", List.of(u.id()), u.reason().strip(), null);
                            ctx.json(d);
                        }).allow(PROSECUTOR),
                Endpoint.post("/api/assignments", "audit", "指派未成年人给司法社工或心理咨询师",
                        List.of(body("{\"user\": name, \"person\": person node element id}")), ctx -> {
                            Assignment a = Bodies.read(ctx, Assignment.class, "{\"user\": \"…\", \"person\": \"…\"}");
                            String id = s.graph().personId(a.person());
                            // An assignment opens the person's profile to the worker: only a minor's, never an adult's.
                            IdNumber.Check person = IdNumber.check(id);
                            if (!person.valid() || !person.id().isMinorAt(s.options().today())) {
                                throw new ApiException.Refused("social workers and psychologists are assigned minors; this person is not one on "
                                        + s.options().today());
                            }
                            var updated = s.access().users().assign(a.user(), id);
                            s.access().record(ctx, "assign", List.of(a.person()), null, "to " + a.user());
                            ctx.json(Map.of("user", updated.name(), "assigned", updated.assignedMinors().size()));
                        }).allow(PROSECUTOR),
                Endpoint.get("/api/me/minors", "audit", "指派给我的未成年人", List.of(), ctx -> {
                    Principal me = Principal.of(ctx);
                    List<Map<String, Object>> out = new ArrayList<>();
                    try (Session session = s.store().driver().session(s.store().session())) {
                        session.run("MATCH (p:Person) WHERE p.id IN $ids RETURN elementId(p) AS node, p.id AS id, p.name AS name ORDER BY id",
                                Map.of("ids", s.store().pseudonyms().sealAll(PiiKind.ID, me.user().assignedMinors())))
                                .forEachRemaining(r -> out.add(Map.of("node", r.get("node").asString(),
                                        "id", Masking.text(s.store().pseudonyms(), r.get("id").asString()),
                                        "name", r.get("name").asString(""))));
                    }
                    s.access().record(ctx, "minors.list", out.stream().map(m -> (String) m.get("node")).toList(), null, null);
                    ctx.json(Map.of("minors", out));
                }).allow(SOCIAL_WORKER, PSYCHOLOGIST));
    }
}
