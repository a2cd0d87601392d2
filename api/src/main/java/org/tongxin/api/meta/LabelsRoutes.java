package org.tongxin.api.meta;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tongxin.api.http.Endpoint;
import org.tongxin.domain.audit.AuditActions;
import org.tongxin.domain.education.BookingStatus;
import org.tongxin.domain.lead.Departments;
import org.tongxin.domain.lead.LeadStatus;
import org.tongxin.domain.observer.SubmissionStatus;
import org.tongxin.domain.order.OrderStatus;
import org.tongxin.domain.user.Role;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.mapping.Labels;
import org.tongxin.ingest.mapping.Mappings;

/**
 * {@code GET /api/labels}: the one place the web view reads the words for codes — node kinds, relationship types
 * and property keys (labels.yaml), datasets with their titles and departments (the mapping files), roles, audit
 * actions, departments and the statuses of leads, orders, observer reports and class bookings — each in Chinese
 * and English at once. Both languages come in one answer, not one chosen by {@code Accept-Language}: the page loads
 * it once after login and its language switch redraws at once, without asking again; the answer is the same for
 * every user and every language.
 */
public final class LabelsRoutes {

    /** A code's names. */
    public record Name(String zh, String en) {
    }

    /** A dataset: its title and the department that delivers it, in both languages. */
    public record DatasetName(String zh, String en, String department, String departmentEn) {
    }

    /**
     * How a key derived from a column's key is named: a key {@code prefix + key + suffix} (either may be empty) is
     * named by the template, {@code {name}} standing for the column key's name.
     */
    public record DerivedName(String prefix, String suffix, String zh, String en) {
    }

    /** The statuses of each kind of casework, code → names. */
    public record StatusNames(Map<String, Name> lead, Map<String, Name> order, Map<String, Name> submission,
                              Map<String, Name> booking) {
    }

    /** Everything the web view names, code → names, by what the code is. */
    public record LabelSet(Map<String, Name> kinds, Map<String, Name> relations, Map<String, Name> properties,
                           List<DerivedName> derived, Map<String, DatasetName> datasets, Map<String, Name> roles,
                           Map<String, Name> actions, Map<String, Name> departments, StatusNames statuses) {
    }

    private final LabelSet labels;

    public LabelsRoutes(Labels labels, Mappings mappings) {
        this.labels = build(labels, mappings);
    }

    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/labels", "meta",
                        "名称表：节点类型、关系、属性、数据集、角色、审计操作、部门、状态的中英文名称", List.of(), this::labels)
                .returns(LabelSet.class).allow(Role.values()));
    }

    private void labels(Context ctx) {
        ctx.json(labels);
    }

    /** The answer, built once: every name is data that does not change while the server runs. */
    public static LabelSet build(Labels labels, Mappings mappings) {
        Map<String, DatasetName> datasets = new LinkedHashMap<>();
        for (DatasetMapping m : mappings.all()) {
            datasets.put(m.dataset(), new DatasetName(m.title(), labels.dataset(m.dataset(), java.util.Locale.ENGLISH),
                    m.department(), labels.department(m.department(), java.util.Locale.ENGLISH)));
        }
        Map<String, Name> departments = new LinkedHashMap<>();
        Departments.all().forEach((code, zh) -> departments.put(code, new Name(zh, Departments.english(code))));
        Map<String, Name> actions = new LinkedHashMap<>();
        AuditActions.all().forEach((code, n) -> actions.put(code, new Name(n.zh(), n.en())));
        return new LabelSet(names(labels.kindNames()), names(labels.relationNames()), names(labels.propertyNames()),
                labels.derived().stream().map(d -> new DerivedName(d.prefix() == null ? "" : d.prefix(),
                        d.suffix() == null ? "" : d.suffix(), d.zh(), d.en())).toList(),
                datasets,
                named(Role.values(), Role::code, r -> new Name(r.zh(), r.en())),
                actions, departments,
                new StatusNames(
                        named(LeadStatus.values(), LeadStatus::code, s -> new Name(s.zh(), s.en())),
                        named(OrderStatus.values(), OrderStatus::code, s -> new Name(s.zh(), s.en())),
                        named(SubmissionStatus.values(), SubmissionStatus::code, s -> new Name(s.zh(), s.en())),
                        named(BookingStatus.values(), BookingStatus::code, s -> new Name(s.zh(), s.en()))));
    }

    private static Map<String, Name> names(Map<String, Labels.Name> in) {
        Map<String, Name> out = new LinkedHashMap<>();
        in.forEach((code, n) -> out.put(code, new Name(n.zh(), n.en() == null ? n.zh() : n.en())));
        return out;
    }

    private static <T> Map<String, Name> named(T[] values, Function<T, String> code, Function<T, Name> name) {
        Map<String, Name> out = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> out.put(code.apply(v), name.apply(v)));
        return out;
    }
}
