// school-bus — 校车安全管理条例. One lead per plate; every registration and its driver is checked.
MATCH (b:BusRegistration)-[:BUS]->(veh:Vehicle)
OPTIONAL MATCH (veh)<-[:REGISTERS]-(vr:VehicleRegistration)
OPTIONAL MATCH (b)-[:DRIVER]->(d:Person)
OPTIONAL MATCH (d)<-[:LICENCE_OF]-(lic:DrivingLicence)
WITH b, veh, vr, d, lic,
     CASE WHEN vr IS NULL OR vr.vehicleType IS NULL THEN ['A1', 'A3', 'B1']
          WHEN vr.vehicleType CONTAINS '大型' THEN ['A1']
          WHEN vr.vehicleType CONTAINS '中型' THEN ['A1', 'B1']
          WHEN vr.vehicleType CONTAINS '小型' THEN ['A1', 'A3', 'B1', 'C1']
          ELSE ['A1', 'A3', 'B1'] END AS needed
WITH b, veh, vr, d, lic, needed,
     [x IN CASE WHEN d IS NULL THEN [] ELSE [(d)<-[:BY]-(t:TrafficViolation)
        WHERE t.act CONTAINS '饮酒' OR t.act CONTAINS '醉酒' | t.rid] END | x]
     + [x IN CASE WHEN d IS NULL THEN [] ELSE [(d)<-[:RECORD_OF]-(r:OffenceRecord) WHERE r.category = '刑事' | r.rid] END | x]
       AS disqualifying
WITH b, veh, vr, d, lic, disqualifying,
     d IS NOT NULL AND lic IS NOT NULL AND NOT any(c IN needed WHERE c IN coalesce(lic.classes, [])) AS classFails,
     d IS NOT NULL AND lic IS NOT NULL AND (lic.status <> '正常' OR lic.validUntil < $asOf) AS licenceFails,
     d IS NOT NULL AND lic IS NOT NULL AND lic.firstIssued > $asOf - duration({years: 3}) AS newDriver,
     d IS NOT NULL AND ($asOf <= d.birthDate + duration({years: 25})
                        OR $asOf > d.birthDate + duration({years: 61})) AS ageFails
WITH b, veh, vr, d, lic, disqualifying, classFails, licenceFails, newDriver, ageFails, [
  CASE WHEN vr IS NULL THEN {rule: 'R5.1', evidence: [b.rid]} END,
  CASE WHEN vr IS NOT NULL AND (vr.status <> '正常' OR vr.inspectionValidUntil < $asOf OR vr.scrapDate < $asOf)
       THEN {rule: 'R5.2', evidence: [b.rid, vr.rid]} END,
  CASE WHEN NOT EXISTS {
         MATCH (veh)<-[:FOR_VEHICLE]-(pm:Permit)
         WHERE pm.kind = '校车使用许可' AND (pm.status IS NULL OR pm.status = '有效') AND pm.validTo >= $asOf
           AND (pm.validFrom IS NULL OR pm.validFrom <= $asOf) }
       THEN {rule: 'R5.3', evidence: [b.rid]} END,
  CASE WHEN d IS NOT NULL AND (lic IS NULL OR licenceFails OR classFails)
       THEN {rule: 'R5.4', evidence: [b.rid] + CASE WHEN lic IS NULL THEN [] ELSE [lic.rid] END
                                     + CASE WHEN classFails AND vr IS NOT NULL THEN [vr.rid] ELSE [] END} END,
  CASE WHEN newDriver OR ageFails
       THEN {rule: 'R5.5', evidence: [b.rid] + CASE WHEN newDriver THEN [lic.rid] ELSE [] END} END,
  CASE WHEN d IS NOT NULL AND size(disqualifying) > 0 THEN {rule: 'R5.6', evidence: [b.rid] + disqualifying} END
] AS hits
UNWIND [h IN hits WHERE h IS NOT NULL] AS hit
RETURN 'school-bus:' + veh.plate AS key, hit.rule AS rule, hit.evidence AS evidence, null AS venue, null AS at
