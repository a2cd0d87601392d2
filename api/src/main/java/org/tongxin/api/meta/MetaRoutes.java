package org.tongxin.api.meta;

import org.tongxin.api.config.ApiOptions;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.model.Models;
import org.tongxin.domain.graph.Relations;
import org.tongxin.api.http.Endpoint;
import org.tongxin.domain.lead.Departments;
import org.tongxin.domain.lead.LeadStatus;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.graph.Kinds;

/** What the web view needs to draw its filters and labels: models and rules, statuses, kinds, limits. */
public final class MetaRoutes {

    /** Everything the web view draws its filters and labels from. */
    public record Meta(List<ModelView> models, List<StatusView> statuses, Map<String, String> departments,
                       Map<String, String> hubKinds, Map<String, String> recordKinds, Map<String, String> relations,
                       String asOf, List<CategoryView> categories, CypherLimits cypher) {
    }

    /** A model and its rules. */
    public record ModelView(String id, String title, List<RuleView> rules) {
    }

    /** A rule: id, Chinese name, severity (lower case), legal basis as cited. */
    public record RuleView(String id, String zh, String severity, String legalBasis) {
    }

    /** A lead status, its Chinese name and the statuses it may move to. */
    public record StatusView(String code, String zh, List<String> next) {
    }

    /** An observer category, its Chinese name and the department it goes to. */
    public record CategoryView(String code, String zh, String department) {
    }

    /** The console's limits. */
    public record CypherLimits(long timeoutSeconds, int rowCap) {
    }

    private final Kinds kinds;
    private final ApiOptions options;

    public MetaRoutes(Kinds kinds, ApiOptions options) {
        this.kinds = kinds;
        this.options = options;
    }

    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/meta", "meta", "模型与规则、办理状态、部门、节点与关系类型、查询限制", List.of(), this::meta)
                .returns(Meta.class).allow(Role.values()));
    }

    private void meta(Context ctx) {
        List<ModelView> models = new ArrayList<>();
        for (Model m : Models.all()) {
            models.add(new ModelView(m.id(), m.title(), m.rules().stream().map(r -> new RuleView(r.id(), r.zh(),
                    r.severity().name().toLowerCase(), r.legalBasis())).toList()));
        }
        Map<String, String> records = new LinkedHashMap<>();
        kinds.recordLabels().forEach((label, m) -> records.put(label, m.title()));
        ctx.json(new Meta(models,
                java.util.Arrays.stream(LeadStatus.values()).map(st -> new StatusView(st.code(), st.zh(),
                        st.next().stream().map(LeadStatus::code).toList())).toList(),
                Departments.all(), Kinds.hubs(), records, Relations.all(), options.today().toString(),
                java.util.Arrays.stream(org.tongxin.domain.observer.Category.values()).map(c -> new CategoryView(
                        c.code(), c.zh(), c.department())).toList(),
                new CypherLimits(options.cypherTimeout().toSeconds(), options.cypherRowCap())));
    }
}
