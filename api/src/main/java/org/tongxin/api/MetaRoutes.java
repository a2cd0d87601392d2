package org.tongxin.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.model.Models;
import org.tongxin.api.graph.Kinds;
import org.tongxin.api.graph.Relations;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.lead.Departments;
import org.tongxin.api.lead.LeadStatus;
import org.tongxin.api.security.Role;

/** What the web view needs to draw its filters and labels: models and rules, statuses, kinds, limits. */
final class MetaRoutes {

    private MetaRoutes() {
    }

    static List<Endpoint> endpoints(ApiServices s) {
        return List.of(Endpoint.get("/api/meta", "meta", "模型与规则、办理状态、部门、节点与关系类型、查询限制", List.of(), ctx -> {
            Map<String, Object> out = new LinkedHashMap<>();
            List<Map<String, Object>> models = new ArrayList<>();
            for (Model m : Models.all()) {
                models.add(Map.of("id", m.id(), "title", m.title(), "rules", m.rules().stream().map(r -> Map.of(
                        "id", r.id(), "zh", r.zh(), "severity", r.severity().name().toLowerCase(),
                        "legalBasis", r.legalBasis())).toList()));
            }
            out.put("models", models);
            out.put("statuses", java.util.Arrays.stream(LeadStatus.values()).map(st -> Map.of("code", st.code(), "zh", st.zh(),
                    "next", st.next().stream().map(LeadStatus::code).toList())).toList());
            out.put("departments", Departments.all());
            out.put("hubKinds", Kinds.hubs());
            Map<String, String> records = new LinkedHashMap<>();
            s.kinds().recordLabels().forEach((label, m) -> records.put(label, m.title()));
            out.put("recordKinds", records);
            out.put("relations", Relations.all());
            out.put("asOf", s.options().today().toString());
            out.put("categories", java.util.Arrays.stream(org.tongxin.domain.observer.Category.values()).map(c -> Map.of(
                    "code", c.code(), "zh", c.zh(), "department", c.department())).toList());
            out.put("cypher", Map.of("timeoutSeconds", s.options().cypherTimeout().toSeconds(), "rowCap", s.options().cypherRowCap()));
            ctx.json(out);
        }).allow(Role.values()));
    }
}
