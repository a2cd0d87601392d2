package org.tongxin.analytics.model.venue;

import static org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.constant;
import static org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.select;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.tongxin.analytics.engine.Rows;
import org.tongxin.analytics.engine.Stays;
import org.tongxin.analytics.engine.TinkerProjection;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.model.lead.LeadKey;

/**
 * The venue model as Gremlin traversals: a minor's hotel stay with the other stays in the same room that are not
 * a guardian's or a household member's; netbar sessions; venue checks with the venue's registered type.
 */
final class VenueGremlin {

    private VenueGremlin() {
    }

    static boolean minorOn(long day, Map<String, Object> r) {
        return day >= Rows.num(r, "birth") && day <= Rows.num(r, "bd18");
    }

    static List<RuleHit> hits(GraphTraversalSource g, LocalDate asOf) {
        List<RuleHit> hits = new ArrayList<>();
        Set<String> withPhoneColumn = new HashSet<>();
        g.V().hasLabel("SourceFile").has("dataset", "police_hotel_stays").<Object>project("sid", "header")
                .by("sid").by("header").toList().forEach(f -> {
                    if (Rows.str(f, "header").contains("\"监护人联系电话\"")) {
                        withPhoneColumn.add(Rows.str(f, "sid"));
                    }
                });
        List<Map<String, Object>> stays = g.V().hasLabel("HotelStay").as("m").out("GUEST").as("mp")
                .where("m", P.gte("mp")).by("checkIn").by("birthMinute").where("m", P.lt("mp")).by("checkIn").by("minorUntilMinute")
                .<Object>project("rid", "key", "source", "in", "out", "outHasTime", "phone", "venue", "birth", "bd18", "others")
                .by(select("m").values("rid"))
                .by(select("m").values("key"))
                .by(select("m").values("source"))
                .by(select("m").values("checkIn"))
                .by(__.coalesce(select("m").values("checkOut"), constant(Stays.NONE)))
                .by(__.coalesce(select("m").values("checkOutHasTime"), constant(false)))
                .by(__.coalesce(select("m").values("guardianPhone"), constant("")))
                .by(select("m").out("AT").values("code"))
                .by(select("mp").values("birth"))
                .by(select("mp").values("bd18"))
                .by(select("m").out("AT").in("AT").hasLabel("HotelStay").where(P.neq("m"))
                        .where(P.eq("m")).by("room").as("a")
                        .out("GUEST").where(P.neq("mp"))
                        .not(__.in("GUARDED_BY").where(P.eq("mp")))
                        .not(__.out("MEMBER_OF").in("MEMBER_OF").where(P.eq("mp")))
                        .as("ap")
                        .project("rid", "in", "out", "outHasTime", "bd18")
                        .by(select("a").values("rid"))
                        .by(select("a").values("checkIn"))
                        .by(__.coalesce(select("a").values("checkOut"), constant(Stays.NONE)))
                        .by(__.coalesce(select("a").values("checkOutHasTime"), constant(false)))
                        .by(select("ap").values("bd18")).fold())
                .toList();
        for (Map<String, Object> m : stays) {
            long in = Rows.num(m, "in");
            long day = Math.floorDiv(in, 1440);
            if (!minorOn(day, m)) {
                continue;
            }
            long end = Stays.end(in, Rows.num(m, "out"), Rows.bool(m, "outHasTime"));
            List<String> adults = new ArrayList<>();
            for (Map<String, Object> a : Rows.<Map<String, Object>>list(m, "others")) {
                long aIn = Rows.num(a, "in");
                long aEnd = Stays.end(aIn, Rows.num(a, "out"), Rows.bool(a, "outHasTime"));
                if (Math.floorDiv(aIn, 1440) > Rows.num(a, "bd18") && aIn < end && in < aEnd) {
                    adults.add(Rows.str(a, "rid"));
                }
            }
            String key = LeadKey.venue(Rows.str(m, "key")).toString();
            var at = TinkerProjection.fromEpochMinute(in);
            if (!adults.isEmpty()) {
                List<String> ev = new ArrayList<>(List.of(Rows.str(m, "rid")));
                ev.addAll(adults);
                hits.add(new RuleHit(key, "R6.1", ev, Rows.str(m, "venue"), at));
            }
            if (Rows.str(m, "phone") == null && withPhoneColumn.contains(Rows.str(m, "source"))) {
                hits.add(new RuleHit(key, "R6.2", List.of(Rows.str(m, "rid")), Rows.str(m, "venue"), at));
            }
        }
        g.V().hasLabel("NetbarSession").as("n").out("USER").as("p")
                .where("n", P.gte("p")).by("startAt").by("birthMinute").where("n", P.lt("p")).by("startAt").by("minorUntilMinute")
                .<Object>project("rid", "key", "start", "venue", "birth", "bd18")
                .by(select("n").values("rid")).by(select("n").values("key")).by(select("n").values("startAt"))
                .by(select("n").out("AT").values("code")).by(select("p").values("birth")).by(select("p").values("bd18"))
                .toList().forEach(n -> {
                    long start = Rows.num(n, "start");
                    if (minorOn(Math.floorDiv(start, 1440), n)) {
                        hits.add(new RuleHit(LeadKey.venue(Rows.str(n, "key")).toString(), "R6.3", List.of(Rows.str(n, "rid")),
                                Rows.str(n, "venue"), TinkerProjection.fromEpochMinute(start)));
                    }
                });
        g.V().hasLabel("VenueCheck").as("c").out("FOUND").as("p").select("c").out("AT").as("v")
                .in("REGISTERS").hasLabel("VenueRegistration").as("vr")
                .where("c", P.gte("p")).by("checkedAt").by("birthMinute").where("c", P.lt("p")).by("checkedAt").by("minorUntilMinute")
                .<Object>project("rid", "checkNo", "id", "at", "hasTime", "venue", "kind", "vrid", "birth", "bd18")
                .by(select("c").values("rid")).by(select("c").values("checkNo")).by(select("p").values("id"))
                .by(select("c").values("checkedAt")).by(select("c").values("checkedAtHasTime"))
                .by(select("v").values("code")).by(select("vr").values("kind")).by(select("vr").values("rid"))
                .by(select("p").values("birth")).by(select("p").values("bd18"))
                .toList().forEach(c -> {
                    long at = Rows.num(c, "at");
                    if (!minorOn(Math.floorDiv(at, 1440), c)) {
                        return;
                    }
                    String kind = Rows.str(c, "kind");
                    long hour = Math.floorMod(at, 1440) / 60;
                    String rule = List.of("歌舞娱乐", "酒吧", "游艺厅", "网吧").contains(kind) ? "R6.4"
                            : "剧本娱乐".equals(kind) && Rows.bool(c, "hasTime") && (hour >= 22 || hour < 6) ? "R6.5" : null;
                    if (rule != null) {
                        hits.add(new RuleHit(LeadKey.venueCheck(Rows.str(c, "checkNo"), Rows.str(c, "id")).toString(), rule,
                                List.of(Rows.str(c, "rid"), Rows.str(c, "vrid")), Rows.str(c, "venue"),
                                TinkerProjection.fromEpochMinute(at)));
                    }
                });
        return hits;
    }
}
