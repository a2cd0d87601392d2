package org.tongxin.analytics.model.schoolbus;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.Rule;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.analytics.lead.Severity;

/**
 * school-bus — school-bus safety (校车安全管理条例), one lead per normalised plate.
 * Cypher: {@code models/school-bus.cypher}; Gremlin: {@link SchoolBusGremlin}.
 *
 * <p>Choices where models.md is silent: a registration whose driver number is invalid still meets R5.1–R5.3; the
 * vehicle row is evidence of R5.4 only when its type decided the classes; R5.5's evidence holds the licence row
 * only when the first-issue date is what failed.
 */
public final class SchoolBusModel implements Model {

    private static final String BASE = "校车安全管理条例";
    private static final List<Rule> RULES = List.of(
            new Rule("R5.1", Severity.RED, BASE + " 第14条", "校车无机动车登记信息"),
            new Rule("R5.2", Severity.RED, BASE + " 第14条", "校车状态异常、未按期检验或已达强制报废期"),
            new Rule("R5.3", Severity.RED, BASE + " 第14条", "无有效的校车使用许可"),
            new Rule("R5.4", Severity.YELLOW, BASE + " 第23条", "驾驶人无有效驾驶证或准驾车型不符"),
            new Rule("R5.5", Severity.YELLOW, BASE + " 第23条", "驾驶人驾龄不足三年或年龄不在25至60周岁之间"),
            new Rule("R5.6", Severity.YELLOW, BASE + " 第23条", "驾驶人有饮酒、醉酒驾驶记录或犯罪记录"));

    @Override
    public String id() {
        return "school-bus";
    }

    @Override
    public String title() {
        return "校车安全";
    }

    /** Birthdays the Gremlin reads: the age limits of a school bus driver at D. */
    @Override
    public Set<Integer> birthdays() {
        return Set.of(25, 61);
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }

    @Override
    public List<RuleHit> gremlin(GraphTraversalSource g, LocalDate asOf) {
        return SchoolBusGremlin.hits(g, asOf);
    }
}
