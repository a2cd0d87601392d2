// venue — minors in places they should not be (未成年人保护法 第57、58条).
// A stay's interval is [入住时间, 退房时间); no check-out: 12 h; a bound with a date only means that whole day.
MATCH (m:HotelStay)-[:GUEST]->(mp:Person), (m)-[:AT]->(h:Venue)
WHERE date(m.checkIn) >= mp.birthDate AND date(m.checkIn) <= mp.birthDate + duration({years: 18})
WITH m, mp, h,
     CASE WHEN m.checkOut IS NULL THEN m.checkIn + duration({hours: 12})
          WHEN m.checkOutHasTime THEN m.checkOut ELSE m.checkOut + duration({days: 1}) END AS mEnd
OPTIONAL MATCH (h)<-[:AT]-(a:HotelStay)-[:GUEST]->(ap:Person)
WHERE a <> m AND a.room = m.room AND ap <> mp
  AND date(a.checkIn) > ap.birthDate + duration({years: 18})
  AND a.checkIn < mEnd
  AND m.checkIn < CASE WHEN a.checkOut IS NULL THEN a.checkIn + duration({hours: 12})
                       WHEN a.checkOutHasTime THEN a.checkOut ELSE a.checkOut + duration({days: 1}) END
  AND NOT EXISTS { MATCH (mp)-[:GUARDED_BY]->(ap) }
  AND NOT EXISTS { MATCH (mp)-[:MEMBER_OF]->(:Household)<-[:MEMBER_OF]-(ap) }
WITH m, h, collect(a.rid) AS adults
WITH m, h, adults,
     m.guardianPhone IS NULL
       AND EXISTS { MATCH (f:SourceFile {sid: m.source}) WHERE f.header CONTAINS '"监护人联系电话"' } AS noPhone
UNWIND [hit IN [
  CASE WHEN size(adults) > 0 THEN {rule: 'R6.1', evidence: [m.rid] + adults} END,
  CASE WHEN noPhone THEN {rule: 'R6.2', evidence: [m.rid]} END
] WHERE hit IS NOT NULL] AS hit
RETURN 'venue:' + m.key AS key, hit.rule AS rule, hit.evidence AS evidence, h.code AS venue, m.checkIn AS at

UNION ALL

MATCH (n:NetbarSession)-[:USER]->(p:Person), (n)-[:AT]->(v:Venue)
WHERE date(n.startAt) >= p.birthDate AND date(n.startAt) <= p.birthDate + duration({years: 18})
RETURN 'venue:' + n.key AS key, 'R6.3' AS rule, [n.rid] AS evidence, v.code AS venue, n.startAt AS at

UNION ALL

MATCH (c:VenueCheck)-[:FOUND]->(p:Person), (c)-[:AT]->(v:Venue)<-[:REGISTERS]-(vr:VenueRegistration)
WHERE date(c.checkedAt) >= p.birthDate AND date(c.checkedAt) <= p.birthDate + duration({years: 18})
  AND (vr.kind IN ['歌舞娱乐', '酒吧', '游艺厅', '网吧']
       OR (vr.kind = '剧本娱乐' AND c.checkedAtHasTime
           AND (c.checkedAt.hour >= 22 OR c.checkedAt.hour < 6)))
RETURN 'venue:' + c.checkNo + '/' + p.id AS key,
       CASE WHEN vr.kind = '剧本娱乐' THEN 'R6.5' ELSE 'R6.4' END AS rule,
       [c.rid, vr.rid] AS evidence, v.code AS venue, c.checkedAt AS at
