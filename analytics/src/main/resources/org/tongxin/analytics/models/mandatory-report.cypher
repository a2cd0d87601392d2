// mandatory-report — abuse indicators treated but never reported (强制报告).
// Codes are stored upper-cased without dot or spaces; a bound of n characters compares the code's first n.
MATCH (v:MedicalVisit)-[:PATIENT]->(p:Person)
WITH v, p, date(v.visitedAt) AS day, v.icd AS c
WHERE day >= p.birthDate AND day <= p.birthDate + duration({years: 18})
WITH v, p, day, c, substring(c, 0, 3) AS c3, substring(c, 0, 4) AS c4, size(c) AS n
WITH v, p, day, [rule IN [
       CASE WHEN p.sex = '女' AND day <= p.birthDate + duration({years: 14}) AND n >= 3
                 AND ((c3 >= 'O00' AND c3 <= 'O99') OR (c3 >= 'Z33' AND c3 <= 'Z37')) THEN 'R2.1' END,
       CASE WHEN c STARTS WITH 'T742' OR c STARTS WITH 'Y05' OR c STARTS WITH 'S302'
                 OR (n >= 4 AND c4 >= 'S312' AND c4 <= 'S315') THEN 'R2.2' END,
       CASE WHEN (c STARTS WITH 'T74' AND NOT c STARTS WITH 'T742')
                 OR (n >= 3 AND c3 >= 'X85' AND c3 <= 'Y09' AND NOT c STARTS WITH 'Y05')
                 OR (n >= 3 AND c3 >= 'T00' AND c3 <= 'T07') THEN 'R2.3' END,
       CASE WHEN n >= 3 AND c3 >= 'X60' AND c3 <= 'X84' THEN 'R2.4' END,
       CASE WHEN n >= 3 AND c3 >= 'E40' AND c3 <= 'E43' THEN 'R2.5' END
     ] WHERE rule IS NOT NULL] AS rules
WHERE size(rules) > 0
  // reported by any unit from 1 day before to 7 days after the visit …
  AND NOT EXISTS {
    MATCH (m:MandatoryReport)-[:CONCERNS]->(p)
    WHERE date(m.reportedAt) >= day - duration({days: 1}) AND date(m.reportedAt) <= day + duration({days: 7})
  }
  // … or a criminal case with the minor as victim filed within 30 days
  AND NOT EXISTS {
    MATCH (k:CriminalCase)-[:FILES]->(:Case)<-[:IN_CASE]-(:CaseParty)-[:PARTY {role: '被害人'}]->(p)
    WHERE abs(duration.inDays(k.filedDate, day).days) <= 30
  }
UNWIND rules AS rule
RETURN 'mandatory-report:' + v.key AS key, rule, [v.rid] AS evidence, null AS venue, null AS at
