package org.tongxin.analytics.model.mandatory;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.Rule;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.analytics.lead.Severity;

/**
 * mandatory-report — abuse indicators treated but never reported (强制报告; 未成年人保护法 第11条).
 * Cypher: {@code models/mandatory-report.cypher}; Gremlin: {@link MandatoryReportGremlin}.
 */
public final class MandatoryReportModel implements Model {

    private static final String BASE = "未成年人保护法 第11条；";
    private static final List<Rule> RULES = List.of(
            new Rule("R2.1", Severity.RED, BASE + "强制报告意见 第4条(二)；刑法 第236条", "不满十四周岁女性就诊涉及妊娠、流产、分娩"),
            new Rule("R2.2", Severity.RED, BASE + "强制报告意见 第4条(一)", "就诊诊断提示遭受性侵害或生殖器官损伤"),
            new Rule("R2.3", Severity.YELLOW, BASE + "强制报告意见 第4条(四)", "就诊诊断提示遭受虐待、殴打或多处损伤"),
            new Rule("R2.4", Severity.YELLOW, BASE + "强制报告意见 第4条(五)", "就诊诊断为故意自伤"),
            new Rule("R2.5", Severity.YELLOW, BASE + "强制报告意见 第4条(四)", "就诊诊断为重度营养不良"));

    @Override
    public String id() {
        return "mandatory-report";
    }

    @Override
    public String title() {
        return "强制报告（应报告未报告）";
    }

    /** Birthdays the Gremlin reads: a patient under 14 (R2.1) or a minor at the visit. */
    @Override
    public Set<Integer> birthdays() {
        return Set.of(14, 18);
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }

    @Override
    public List<RuleHit> gremlin(GraphTraversalSource g, LocalDate asOf) {
        return MandatoryReportGremlin.hits(g, asOf);
    }
}
