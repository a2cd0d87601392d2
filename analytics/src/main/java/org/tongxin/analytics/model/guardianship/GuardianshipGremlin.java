package org.tongxin.analytics.model.guardianship;

import static org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.constant;
import static org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.select;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.tongxin.analytics.engine.Rows;
import org.tongxin.analytics.engine.Stays;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.model.lead.LeadKey;

/**
 * The guardianship model as Gremlin traversals: a minor's night events (netbar sessions, venue checks, hotel stays
 * with whoever shared the room), the guardians listed in enrolments with their death records, and penalties of a
 * guardian with the minor as victim.
 */
final class GuardianshipGremlin {

    private GuardianshipGremlin() {
    }

    static List<RuleHit> hits(GraphTraversalSource g, LocalDate asOf) {
        long d = asOf.toEpochDay();
        List<RuleHit> hits = new ArrayList<>();
        nights(g, d, hits);
        deadGuardians(g, d, hits);
        penalisedGuardians(g, d, hits);
        return hits;
    }

    /** One night-event candidate: rid, person and interval in epoch minutes (end Stays.NONE for an instant). */
    private record Event(String rid, String person, long birth, long bd18, long start, long end) {
    }

    private static void nights(GraphTraversalSource g, long d, List<RuleHit> hits) {
        List<Event> events = new ArrayList<>();
        g.V().hasLabel("NetbarSession").has("startAtHasTime", true)
                .or(__.hasNot("endAt"), __.has("endAtHasTime", true)).as("n").out("USER")
                .has("birth", P.lte(d)).has("bd18", P.gte(d)).as("p")
                .<Object>project("rid", "id", "birth", "bd18", "s", "e")
                .by(select("n").values("rid")).by(select("p").values("id")).by(select("p").values("birth"))
                .by(select("p").values("bd18")).by(select("n").values("startAt"))
                .by(__.coalesce(select("n").values("endAt"), constant(Stays.NONE)))
                .toList().forEach(r -> events.add(event(r)));
        g.V().hasLabel("VenueCheck").has("checkedAtHasTime", true).as("c").out("FOUND")
                .has("birth", P.lte(d)).has("bd18", P.gte(d)).as("p")
                .<Object>project("rid", "id", "birth", "bd18", "s", "e")
                .by(select("c").values("rid")).by(select("p").values("id")).by(select("p").values("birth"))
                .by(select("p").values("bd18")).by(select("c").values("checkedAt")).by(constant(Stays.NONE))
                .toList().forEach(r -> events.add(event(r)));
        g.V().hasLabel("HotelStay").has("checkInHasTime", true)
                .or(__.hasNot("checkOut"), __.has("checkOutHasTime", true)).as("h").out("GUEST")
                .has("birth", P.lte(d)).has("bd18", P.gte(d)).as("p")
                .where("h", P.lt("p")).by("checkIn").by("minorUntilMinute")
                .<Object>project("rid", "id", "birth", "bd18", "s", "e", "company")
                .by(select("h").values("rid")).by(select("p").values("id")).by(select("p").values("birth"))
                .by(select("p").values("bd18")).by(select("h").values("checkIn"))
                .by(__.coalesce(select("h").values("checkOut"), constant(Stays.NONE)))
                .by(select("h").out("AT").in("AT").hasLabel("HotelStay").where(P.neq("h"))
                        .where(P.eq("h")).by("room").as("o")
                        .out("GUEST").where(P.neq("p")).as("q")
                        .project("in", "out", "outHasTime", "guardian", "household", "bd18")
                        .by(select("o").values("checkIn"))
                        .by(__.coalesce(select("o").values("checkOut"), constant(Stays.NONE)))
                        .by(__.coalesce(select("o").values("checkOutHasTime"), constant(false)))
                        .by(__.in("GUARDED_BY").where(P.eq("p")).count())
                        .by(__.out("MEMBER_OF").in("MEMBER_OF").where(P.eq("p")).count())
                        .by(select("q").values("bd18")).fold())
                .toList().forEach(r -> {
                    long s = Rows.num(r, "s");
                    long e = Stays.end(s, Rows.num(r, "e"), true);
                    for (Map<String, Object> o : Rows.<Map<String, Object>>list(r, "company")) {
                        long oIn = Rows.num(o, "in");
                        long oEnd = Stays.end(oIn, Rows.num(o, "out"), Rows.bool(o, "outHasTime"));
                        boolean overlap = oIn < e && s < oEnd;
                        boolean guardian = Rows.num(o, "guardian") > 0;
                        boolean householdAdult = Rows.num(o, "household") > 0 && Math.floorDiv(oIn, 1440) > Rows.num(o, "bd18");
                        if (overlap && (guardian || householdAdult)) {
                            return;
                        }
                    }
                    events.add(new Event(Rows.str(r, "rid"), Rows.str(r, "id"), Rows.num(r, "birth"), Rows.num(r, "bd18"), s, e));
                });
        Map<String, TreeMap<Long, Set<String>>> nightsByPerson = new TreeMap<>();
        for (Event ev : events) {
            for (long morning : mornings(ev)) {
                if (morning >= ev.birth() && morning <= ev.bd18()) {
                    nightsByPerson.computeIfAbsent(ev.person(), p -> new TreeMap<>())
                            .computeIfAbsent(morning - 1, n -> new LinkedHashSet<>()).add(ev.rid());
                }
            }
        }
        nightsByPerson.forEach((person, nights) -> {
            List<Long> list = new ArrayList<>(nights.keySet());
            Set<String> evidence = new LinkedHashSet<>();
            for (int i = 0; i + 2 < list.size(); i++) {
                if (list.get(i + 2) - list.get(i) <= 29) {
                    for (int k = i; k <= i + 2; k++) {
                        evidence.addAll(nights.get(list.get(k)));
                    }
                }
            }
            if (!evidence.isEmpty()) {
                hits.add(new RuleHit(LeadKey.guardianship(person).toString(), "R7.1", List.copyOf(evidence), null, null));
            }
        });
    }

    /** The mornings (epoch days N+1) whose [00:00, 05:00) the event meets. */
    private static List<Long> mornings(Event ev) {
        List<Long> out = new ArrayList<>();
        if (ev.end() == Stays.NONE) {
            if (Math.floorMod(ev.start(), 1440) < 5 * 60) {
                out.add(Math.floorDiv(ev.start(), 1440));
            }
            return out;
        }
        for (long day = Math.floorDiv(ev.start(), 1440); day <= Math.floorDiv(ev.end(), 1440); day++) {
            long midnight = day * 1440;
            if (midnight < ev.end() && ev.start() < midnight + 5 * 60) {
                out.add(day);
            }
        }
        return out;
    }

    private static Event event(Map<String, Object> r) {
        return new Event(Rows.str(r, "rid"), Rows.str(r, "id"), Rows.num(r, "birth"), Rows.num(r, "bd18"),
                Rows.num(r, "s"), Rows.num(r, "e"));
    }

    private static void deadGuardians(GraphTraversalSource g, long d, List<RuleHit> hits) {
        Map<String, List<String>> deathRecords = new HashMap<>();
        g.V().hasLabel("Residency").has("deathDate", P.lte(d)).as("r").out("REGISTERS").as("p")
                .<Object>project("id", "rid").by(select("p").values("id")).by(select("r").values("rid"))
                .toList().forEach(r -> deathRecords.computeIfAbsent(Rows.str(r, "id"), k -> new ArrayList<>()).add(Rows.str(r, "rid")));
        Map<String, List<Map<String, Object>>> enrolments = new TreeMap<>();
        // Every R7.2 minor has a listed guardian proven dead, so a dead person's wards are the only candidates;
        // all of a candidate's enrolments are then read, as the rule pools them.
        g.V().hasLabel("Residency").has("deathDate", P.lte(d)).out("REGISTERS").in("GUARDED_BY").dedup()
                .has("birth", P.lte(d)).has("bd18", P.gte(d))
                .not(__.in("STATUS_OF").hasLabel("ChildStatus")).as("p")
                .in("STUDENT").hasLabel("Enrolment").as("e")
                .<Object>project("id", "rid", "g1", "g1bad", "g1name", "g2", "g2bad", "g2name")
                .by(select("p").values("id")).by(select("e").values("rid"))
                .by(__.coalesce(select("e").values("guardian1Id"), constant("")))
                .by(__.coalesce(select("e").values("guardian1IdInvalid"), constant("")))
                .by(__.coalesce(select("e").values("guardian1Name"), constant("")))
                .by(__.coalesce(select("e").values("guardian2Id"), constant("")))
                .by(__.coalesce(select("e").values("guardian2IdInvalid"), constant("")))
                .by(__.coalesce(select("e").values("guardian2Name"), constant("")))
                .toList().forEach(r -> enrolments.computeIfAbsent(Rows.str(r, "id"), k -> new ArrayList<>()).add(r));
        enrolments.forEach((minor, rows) -> {
            List<String> evidence = new ArrayList<>();
            boolean anyListed = false;
            boolean allDead = true;
            for (Map<String, Object> e : rows) {
                for (String slot : List.of("g1", "g2")) {
                    String id = Rows.str(e, slot);
                    boolean listed = id != null || Rows.str(e, slot + "name") != null;
                    if (!listed) {
                        continue;
                    }
                    anyListed = true;
                    evidence.add(Rows.str(e, "rid"));
                    List<String> dead = id != null && Rows.str(e, slot + "bad") == null ? deathRecords.get(id) : null;
                    if (dead == null) {
                        allDead = false;
                    } else {
                        evidence.addAll(dead);
                    }
                }
            }
            if (anyListed && allDead) {
                hits.add(new RuleHit(LeadKey.guardianship(minor).toString(), "R7.2", evidence, null, null));
            }
        });
    }

    private static void penalisedGuardians(GraphTraversalSource g, long d, List<RuleHit> hits) {
        g.V().hasLabel("AdminPenalty").as("pen").out("VICTIM").has("birth", P.lte(d)).has("bd18", P.gte(d)).as("p")
                .outE("GUARDED_BY").as("gb").inV().where(__.in("PENALISED").where(P.eq("pen")))
                .<Object>project("id", "rid", "src", "actAt", "decided", "birth", "bd18")
                .by(select("p").values("id")).by(select("pen").values("rid")).by(select("gb").values("src"))
                .by(__.coalesce(select("pen").values("actAt"), constant(Stays.NONE)))
                .by(select("pen").values("decidedDate"))
                .by(select("p").values("birth")).by(select("p").values("bd18"))
                .toList().forEach(r -> {
                    long act = Rows.num(r, "actAt") == Stays.NONE ? Rows.num(r, "decided") : Math.floorDiv(Rows.num(r, "actAt"), 1440);
                    if (act >= Rows.num(r, "birth") && act <= Rows.num(r, "bd18")) {
                        hits.add(new RuleHit(LeadKey.guardianship(Rows.str(r, "id")).toString(), "R7.3",
                                List.of(Rows.str(r, "rid"), Rows.str(r, "src")), null, null));
                    }
                });
    }
}
