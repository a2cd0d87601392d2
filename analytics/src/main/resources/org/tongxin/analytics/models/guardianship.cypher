// guardianship — guardians not doing their duty (督促监护令). Every lead is about a person who is a minor at D.

// R7.1: out on 3 distinct nights within 30 days. Night N = [N+1 00:00, N+1 05:00); a value with a date only
// never meets it; a hotel stay counts only when no guardian and no adult of the household shared the room.
MATCH (p:Person)
WHERE $asOf >= p.birthDate AND $asOf <= p.birthDate + duration({years: 18})
CALL (p) {
  MATCH (n:NetbarSession)-[:USER]->(p)
  WHERE n.startAtHasTime AND (n.endAt IS NULL OR n.endAtHasTime)
  RETURN n.rid AS rid, n.startAt AS s, n.endAt AS e
  UNION ALL
  MATCH (c:VenueCheck)-[:FOUND]->(p)
  WHERE c.checkedAtHasTime
  RETURN c.rid AS rid, c.checkedAt AS s, null AS e
  UNION ALL
  MATCH (h:HotelStay)-[:GUEST]->(p), (h)-[:AT]->(hotel:Venue)
  WHERE h.checkInHasTime AND (h.checkOut IS NULL OR h.checkOutHasTime)
  WITH h, p, hotel, h.checkIn AS s, coalesce(h.checkOut, h.checkIn + duration({hours: 12})) AS e
  WHERE NOT EXISTS {
    MATCH (hotel)<-[:AT]-(o:HotelStay)-[:GUEST]->(q:Person)
    WHERE o <> h AND o.room = h.room AND q <> p AND o.checkIn < e
      AND s < CASE WHEN o.checkOut IS NULL THEN o.checkIn + duration({hours: 12})
                   WHEN o.checkOutHasTime THEN o.checkOut ELSE o.checkOut + duration({days: 1}) END
      AND (EXISTS { MATCH (p)-[:GUARDED_BY]->(q) }
           OR (date(o.checkIn) > q.birthDate + duration({years: 18})
               AND EXISTS { MATCH (p)-[:MEMBER_OF]->(:Household)<-[:MEMBER_OF]-(q) }))
  }
  RETURN h.rid AS rid, s, e
}
WITH p, rid,
     CASE WHEN e IS NULL
          THEN CASE WHEN s.hour < 5 THEN [date(s)] ELSE [] END
          ELSE [d IN [i IN range(0, duration.inDays(date(s), date(e)).days) | date(s) + duration({days: i})]
                WHERE localdatetime({date: d}) < e AND s < localdatetime({date: d, hour: 5})] END AS mornings
UNWIND mornings AS morning
WITH p, morning, rid
WHERE morning >= p.birthDate AND morning <= p.birthDate + duration({years: 18})
WITH p, morning - duration({days: 1}) AS night, collect(DISTINCT rid) AS rids
ORDER BY night
WITH p, collect({night: night, rids: rids}) AS nights
WHERE size(nights) >= 3
WITH p, nights, [i IN range(0, size(nights) - 3)
                 WHERE duration.inDays(nights[i].night, nights[i + 2].night).days <= 29 | i] AS starts
WHERE size(starts) > 0
UNWIND starts AS i
UNWIND [nights[i], nights[i + 1], nights[i + 2]] AS member
UNWIND member.rids AS rid
WITH p, collect(DISTINCT rid) AS evidence
RETURN 'guardianship:' + p.id AS key, 'R7.1' AS rule, evidence, null AS venue, null AS at

UNION ALL

// R7.2: every listed guardian proven dead (死亡日期 ≤ D), and the minor unknown to civil affairs.
MATCH (e:Enrolment)-[:STUDENT]->(p:Person)
WHERE $asOf >= p.birthDate AND $asOf <= p.birthDate + duration({years: 18})
  AND NOT EXISTS { MATCH (:ChildStatus)-[:STATUS_OF]->(p) }
WITH p, collect(e) AS enrolments
WITH p, enrolments, [slot IN reduce(acc = [], e IN enrolments | acc
        + [{rid: e.rid, id: e.guardian1Id, valid: e.guardian1IdInvalid IS NULL, listed: e.guardian1Id IS NOT NULL OR e.guardian1Name IS NOT NULL},
           {rid: e.rid, id: e.guardian2Id, valid: e.guardian2IdInvalid IS NULL, listed: e.guardian2Id IS NOT NULL OR e.guardian2Name IS NOT NULL}])
     WHERE slot.listed] AS listed
WHERE size(listed) > 0
WITH p, [slot IN listed | {rid: slot.rid,
        dead: CASE WHEN slot.valid AND slot.id IS NOT NULL
                   THEN [(g:Person {id: slot.id})<-[:REGISTERS]-(r:Residency) WHERE r.deathDate <= $asOf | r.rid]
                   ELSE [] END}] AS checked
WHERE all(slot IN checked WHERE size(slot.dead) > 0)
UNWIND checked AS slot
WITH p, collect(slot.rid) + reduce(acc = [], slot IN collect(slot) | acc + slot.dead) AS evidence
RETURN 'guardianship:' + p.id AS key, 'R7.2' AS rule, evidence, null AS venue, null AS at

UNION ALL

// R7.3: a guardian penalised with the minor as victim, the minor a minor at the act.
MATCH (pen:AdminPenalty)-[:VICTIM]->(p:Person), (pen)-[:PENALISED]->(g:Person), (p)-[gb:GUARDED_BY]->(g)
WHERE $asOf >= p.birthDate AND $asOf <= p.birthDate + duration({years: 18})
WITH pen, p, gb, coalesce(date(pen.actAt), pen.decidedDate) AS act
WHERE act >= p.birthDate AND act <= p.birthDate + duration({years: 18})
RETURN 'guardianship:' + p.id AS key, 'R7.3' AS rule, [pen.rid, gb.src] AS evidence, null AS venue, null AS at
