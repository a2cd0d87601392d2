package org.tongxin.domain.lead;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongxin.analytics.lead.EvidencePaths;
import org.tongxin.model.lead.LeadKey;

/**
 * The one place that decides what each person of a lead's evidence graph is in that lead, from the model's rules
 * (models.md) and the relationship by which an evidence record names the person:
 *
 * <ul>
 * <li>comprehensive (R1.*): the penalty's 被侵害人 ({@code VICTIM}) is the minor, the penalised person
 *     ({@code PENALISED}) the suspected offender;</li>
 * <li>mandatory-report (R2.*): the patient is the minor;</li>
 * <li>employment-check (R3.*): the person employed and the person of the offence record are one — the staff
 *     member;</li>
 * <li>school-bus (R5.*): the registered driver, whose licence, traffic violations and criminal records are the
 *     evidence, is the driver;</li>
 * <li>venue (R6.*): the person of the lead's own record (stay, netbar session, venue check) is the minor; in R6.1 the
 *     guests of the other stays in the room are the adults sharing it (同住成年人);</li>
 * <li>guardianship (R7.*): the minor is the student, guest, netbar user, person found or victim; the guardians named
 *     by the enrolment ({@code GUARDIAN}), the dead guardians' residency rows (R7.2) and the penalised guardian (R7.3)
 *     are guardians.</li>
 * </ul>
 * A person named otherwise is another linked person; when several relationships name one person, the stronger role
 * wins (guardian, suspect, staff, driver, minor, companion, other — in that order).
 */
public final class LeadRoles {

    /** Per model: relationship type (record → person) → role. */
    private static final Map<String, Map<String, PersonRole>> BY_MODEL = Map.of(
            LeadKey.COMPREHENSIVE, Map.of("VICTIM", PersonRole.MINOR, "PENALISED", PersonRole.SUSPECT),
            LeadKey.MANDATORY_REPORT, Map.of("PATIENT", PersonRole.MINOR, "CONCERNS", PersonRole.MINOR),
            LeadKey.EMPLOYMENT_CHECK, Map.of("EMPLOYEE", PersonRole.STAFF, "RECORD_OF", PersonRole.STAFF),
            LeadKey.SCHOOL_BUS, Map.of("DRIVER", PersonRole.DRIVER, "LICENCE_OF", PersonRole.DRIVER,
                    "BY", PersonRole.DRIVER, "RECORD_OF", PersonRole.DRIVER),
            LeadKey.VENUE, Map.of("USER", PersonRole.MINOR, "FOUND", PersonRole.MINOR, "GUEST", PersonRole.COMPANION),
            LeadKey.GUARDIANSHIP, Map.of("STUDENT", PersonRole.MINOR, "USER", PersonRole.MINOR,
                    "FOUND", PersonRole.MINOR, "GUEST", PersonRole.MINOR, "VICTIM", PersonRole.MINOR,
                    "STATUS_OF", PersonRole.MINOR, "GUARDIAN", PersonRole.GUARDIAN,
                    "PENALISED", PersonRole.GUARDIAN, "REGISTERS", PersonRole.GUARDIAN));

    /** The role the person a lead is about has, in the models whose lead is about a person. */
    private static final Map<String, PersonRole> SUBJECT = Map.of(
            LeadKey.COMPREHENSIVE, PersonRole.MINOR, LeadKey.MANDATORY_REPORT, PersonRole.MINOR,
            LeadKey.EMPLOYMENT_CHECK, PersonRole.STAFF, LeadKey.VENUE, PersonRole.MINOR,
            LeadKey.GUARDIANSHIP, PersonRole.MINOR);

    private static final List<PersonRole> STRENGTH = List.of(PersonRole.GUARDIAN, PersonRole.SUSPECT, PersonRole.STAFF,
            PersonRole.DRIVER, PersonRole.MINOR, PersonRole.COMPANION, PersonRole.OTHER);

    private LeadRoles() {
    }

    /**
     * The role of every person node of the path, by node id.
     *
     * @param model   the lead's model id
     * @param path    the evidence path (lead → records → what they name)
     * @param subject the node id the lead is about ({@code LeadQueries.subject})
     */
    public static Map<String, PersonRole> of(String model, EvidencePaths.Path path, String subject) {
        Map<String, PersonRole> table = BY_MODEL.getOrDefault(model, Map.of());
        Map<String, EvidencePaths.PathNode> persons = new LinkedHashMap<>();
        path.nodes().stream().filter(n -> n.labels().contains("Person")).forEach(n -> persons.put(n.id(), n));
        Map<String, EnumMap<PersonRole, Boolean>> found = new HashMap<>();
        for (EvidencePaths.PathEdge e : path.edges()) {
            if (!persons.containsKey(e.to())) {
                continue;
            }
            PersonRole role = table.getOrDefault(e.type(), PersonRole.OTHER);
            found.computeIfAbsent(e.to(), k -> new EnumMap<>(PersonRole.class)).put(role, true);
        }
        Map<String, PersonRole> out = new LinkedHashMap<>();
        for (String id : persons.keySet()) {
            if (id.equals(subject) && SUBJECT.containsKey(model)) {
                out.put(id, SUBJECT.get(model));
                continue;
            }
            var roles = found.get(id);
            PersonRole role = roles == null ? PersonRole.OTHER
                    : STRENGTH.stream().filter(roles::containsKey).findFirst().orElse(PersonRole.OTHER);
            out.put(id, role);
        }
        return out;
    }
}
