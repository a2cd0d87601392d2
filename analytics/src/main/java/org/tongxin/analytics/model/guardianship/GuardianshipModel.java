package org.tongxin.analytics.model.guardianship;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.Rule;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.analytics.lead.Severity;

/**
 * guardianship — guardians not doing their duty (督促监护令). Every lead is about a person who is a minor at D.
 * Cypher: {@code models/guardianship.cypher}; Gremlin: {@link GuardianshipGremlin}.
 *
 * <p>Choices where models.md is silent: for R7.1 an event with a date-only bound never counts (a time-of-day
 * condition); R7.1's evidence is the events of every night inside a qualifying 30-day window; R7.2 pools the
 * guardians listed in all of the minor's enrolments.
 */
public final class GuardianshipModel implements Model {

    private static final String BASE = "未成年人保护法 第118条；家庭教育促进法 第49条";
    private static final List<Rule> RULES = List.of(
            new Rule("R7.1", Severity.YELLOW, BASE, "未成年人30日内3个以上夜晚（0时至5时）在外（网吧、娱乐场所或无监护人陪同住宿）"),
            new Rule("R7.2", Severity.RED, BASE + "；未成年人保护法 第92条", "登记的监护人均已死亡，且未纳入民政儿童保障"),
            new Rule("R7.3", Severity.RED, BASE, "监护人侵害被监护未成年人受到治安处罚"));

    @Override
    public String id() {
        return "guardianship";
    }

    @Override
    public String title() {
        return "监护失职（督促监护）";
    }

    /** Birthdays the Gremlin reads: a minor at the event. */
    @Override
    public Set<Integer> birthdays() {
        return Set.of(18);
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }

    @Override
    public List<RuleHit> gremlin(GraphTraversalSource g, LocalDate asOf) {
        return GuardianshipGremlin.hits(g, asOf);
    }
}
