// comprehensive — an administrative penalty that should have been a criminal case (行刑衔接, 立案监督).
// Act time = 违法时间, else 决定日期; ages by the day after the birthday (models.md, common terms).
MATCH (p:AdminPenalty)-[:PENALISED]->(o:Person), (p)-[:VICTIM]->(v:Person)
WHERE o <> v
WITH p, o, v, coalesce(date(p.actAt), p.decidedDate) AS act
WITH p, o, v, act,
     act >= v.birthDate AND act <= v.birthDate + duration({years: 14}) AS victimUnder14,
     act >= v.birthDate AND act <= v.birthDate + duration({years: 18}) AS victimMinor,
     act > o.birthDate + duration({years: 16}) AS offender16,
     act > o.birthDate + duration({years: 14}) AS offender14
WITH p, o, v, [rule IN [
       CASE WHEN p.act CONTAINS '猥亵' AND victimUnder14 AND offender16 THEN 'R1.1' END,
       CASE WHEN victimMinor AND ((p.injury STARTS WITH '轻伤' AND offender16)
                                  OR (p.injury STARTS WITH '重伤' AND offender14)) THEN 'R1.2' END
     ] WHERE rule IS NOT NULL] AS rules
WHERE size(rules) > 0
  // covered by a criminal case with the same incident number (at any date) …
  AND NOT EXISTS { MATCH (p)-[:REFERS_TO]->(:Incident)<-[:REFERS_TO]-(:CriminalCase) }
  // … or one with the offender as suspect and the victim as victim, filed within 180 days of the decision
  AND NOT EXISTS {
    MATCH (c:CriminalCase)-[:FILES]->(k:Case)<-[:IN_CASE]-(:CaseParty)-[:PARTY {role: '犯罪嫌疑人'}]->(o),
          (k)<-[:IN_CASE]-(:CaseParty)-[:PARTY {role: '被害人'}]->(v)
    WHERE abs(duration.inDays(c.filedDate, p.decidedDate).days) <= 180
  }
UNWIND rules AS rule
RETURN 'comprehensive:' + p.key AS key, rule, [p.rid] AS evidence, null AS venue, null AS at
