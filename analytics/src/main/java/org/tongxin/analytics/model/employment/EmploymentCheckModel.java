package org.tongxin.analytics.model.employment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.Rule;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.analytics.lead.Severity;

/**
 * employment-check — disqualifying records among staff in close contact with minors (入职查询).
 * Cypher: {@code models/employment-check.cypher}; Gremlin: {@link EmploymentCheckGremlin}.
 */
public final class EmploymentCheckModel implements Model {

    /** Every listed unit type but 其他; an unlisted value is not close contact. */
    public static final List<String> CLOSE_CONTACT = List.of("幼儿园", "小学", "初中", "高中", "中职", "特殊教育",
            "校外培训机构", "托育机构", "儿童福利机构");
    /** 未成年人保护法 第62条: 性侵害、虐待、拐卖、暴力伤害等违法犯罪记录. */
    public static final List<String> OFFENCES = List.of("强奸", "猥亵", "卖淫", "淫秽", "虐待", "遗弃", "拐卖", "拐骗",
            "收买被拐卖", "故意杀人", "故意伤害", "抢劫", "绑架", "殴打他人");

    private static final List<Rule> RULES = List.of(
            new Rule("R3.1", Severity.RED, "未成年人保护法 第62条", "入职前已有性侵害、虐待、拐卖、暴力伤害等违法犯罪记录，仍被录用"),
            new Rule("R3.2", Severity.RED, "未成年人保护法 第62条", "在职期间产生上述违法犯罪记录，应当及时解聘"));

    @Override
    public String id() {
        return "employment-check";
    }

    @Override
    public String title() {
        return "入职查询（密切接触未成年人行业从业禁止）";
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }

    @Override
    public Map<String, Object> cypherParameters() {
        return Map.of("closeContact", CLOSE_CONTACT, "offences", OFFENCES);
    }

    @Override
    public List<RuleHit> gremlin(GraphTraversalSource g, LocalDate asOf) {
        return EmploymentCheckGremlin.hits(g, asOf);
    }
}
