// employment-check — disqualifying records among staff in close contact with minors (未成年人保护法 第62条).
MATCH (s:Employment)-[:EMPLOYEE]->(p:Person)<-[:RECORD_OF]-(r:OffenceRecord)
WHERE s.unitKind IN $closeContact
  AND s.hiredDate <= $asOf AND (s.leftDate IS NULL OR s.leftDate > $asOf)
  AND any(word IN $offences WHERE r.offence CONTAINS word)
RETURN 'employment-check:' + p.id + '@' + s.unitCode AS key,
       CASE WHEN r.decidedDate < s.hiredDate THEN 'R3.1' ELSE 'R3.2' END AS rule,
       [s.rid, r.rid] AS evidence, null AS venue, null AS at
