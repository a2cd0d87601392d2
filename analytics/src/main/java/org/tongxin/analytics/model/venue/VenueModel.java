package org.tongxin.analytics.model.venue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.Rule;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.analytics.lead.Severity;

/**
 * venue — minors in places they should not be (未成年人保护法 第57、58条).
 * Cypher: {@code models/venue.cypher}; Gremlin: {@link VenueGremlin}; venue levels: {@link VenueLevels}.
 *
 * <p>Choices where models.md is silent: a check-in or check-out with a date only covers that whole day (a stay
 * with a date-only check-out ends at the next midnight; with no check-out it lasts 12 h from 00:00).
 */
public final class VenueModel implements Model {

    private static final List<Rule> RULES = List.of(
            new Rule("R6.1", Severity.RED, "未成年人保护法 第57条", "未成年人与非监护人、非同户成年人同住一室"),
            new Rule("R6.2", Severity.YELLOW, "未成年人保护法 第57条", "旅馆接待未成年人入住未登记监护人联系方式"),
            new Rule("R6.3", Severity.YELLOW, "未成年人保护法 第58条", "网吧接纳未成年人上网"),
            new Rule("R6.4", Severity.YELLOW, "未成年人保护法 第58条", "歌舞娱乐、酒吧、游艺厅或网吧接纳未成年人"),
            new Rule("R6.5", Severity.YELLOW, "未成年人保护法 第58条", "剧本娱乐场所夜间（22时至次日6时）接纳未成年人"));

    @Override
    public String id() {
        return "venue";
    }

    @Override
    public String title() {
        return "特殊场所接纳未成年人";
    }

    /** Birthdays the Gremlin reads: a minor at the stay, session or check. */
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
        return VenueGremlin.hits(g, asOf);
    }
}
