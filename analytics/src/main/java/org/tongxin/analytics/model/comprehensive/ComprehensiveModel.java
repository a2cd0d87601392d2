package org.tongxin.analytics.model.comprehensive;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.Rule;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.analytics.lead.Severity;

/**
 * comprehensive — an administrative penalty that should have been a criminal case (行刑衔接, 立案监督).
 * Cypher: {@code models/comprehensive.cypher}; Gremlin: {@link ComprehensiveGremlin}.
 */
public final class ComprehensiveModel implements Model {

    private static final List<Rule> RULES = List.of(
            new Rule("R1.1", Severity.RED, "刑法 第237条 猥亵儿童罪、第17条",
                    "以治安处罚处理的猥亵行为，被侵害人未满十四周岁，行为人已满十六周岁，涉嫌猥亵儿童罪"),
            new Rule("R1.2", Severity.RED, "刑法 第234条、第17条",
                    "被侵害未成年人构成轻伤以上，行为人达到刑事责任年龄，仅作治安处罚，涉嫌故意伤害罪"));

    @Override
    public String id() {
        return "comprehensive";
    }

    @Override
    public String title() {
        return "行刑衔接（治安处罚应立案未立案）";
    }

    /** Birthdays the Gremlin reads: the victim under 14 or a minor, the offender 14 or 16 at the act. */
    @Override
    public Set<Integer> birthdays() {
        return Set.of(14, 16, 18);
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }

    @Override
    public List<RuleHit> gremlin(GraphTraversalSource g, LocalDate asOf) {
        return ComprehensiveGremlin.hits(g, asOf);
    }
}
