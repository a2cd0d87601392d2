package org.tongxin.domain.graph;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.tongxin.analytics.profile.AssistanceProfile.Profile;
import org.tongxin.analytics.profile.AssistanceProfile.RiskFactor;
import org.tongxin.analytics.profile.AssistanceProfile;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.user.User;
import org.tongxin.ingest.store.GraphStore;

/**
 * The precise-assistance profiles of persons, by person node: who may read which ({@link #find}) and the profile
 * as it leaves the server, every value opened and masked ({@link #view}).
 */
public final class Profiles {

    /**
     * A profile as the API answers it: the sections of {@link Profile}, masked, and the person's education plan
     * (whatever the education service answers for the person, masked when it is plain data).
     */
    public record ProfileView(Map<String, Object> identity, List<Map<String, Object>> guardians,
                              List<Map<String, Object>> schools, List<String> civilAffairs,
                              List<Map<String, Object>> involvement, List<Map<String, Object>> venues,
                              List<Map<String, Object>> associatesWithRecords, List<RiskFactor> riskFactors,
                              List<String> measures, Object education) {
    }

    /** A profile found for a person node: the person's identity number (in clear, for what else is looked up) and the profile. */
    public record Found(String personId, Profile profile) {
    }

    private final GraphStore store;
    private final GraphQueries graph;

    public Profiles(GraphStore store, GraphQueries graph) {
        this.store = store;
        this.graph = graph;
    }

    /**
     * The profile of the person at this node as of a date. Social workers and psychologists see only the minors
     * assigned to them; for any other person they are told there is none, as if absent.
     */
    public Found find(String nodeId, LocalDate asOf, User viewer) {
        String id = graph.personId(nodeId);
        if ((viewer.role() == Role.SOCIAL_WORKER || viewer.role() == Role.PSYCHOLOGIST)
                && !viewer.assignedMinors().contains(id)) {
            throw Problem.notFound("graph.person-not-found", nodeId);
        }
        Profile profile = AssistanceProfile.of(store, id, asOf)
                .orElseThrow(() -> Problem.notFound("graph.person-not-found", nodeId));
        return new Found(id, profile);
    }

    /** The profile with its education plan, every value opened and masked as the API shows it. */
    public ProfileView view(Found found, Object education) {
        Profile p = found.profile();
        return new ProfileView(mask(p.identity()), mask(p.guardians()), mask(p.schools()), mask(p.civilAffairs()),
                mask(p.involvement()), mask(p.venues()), mask(p.associatesWithRecords()),
                p.riskFactors() == null ? null : p.riskFactors().stream().map(r -> new RiskFactor(mask(r.code()),
                        mask(r.zh()), mask(r.evidence()))).toList(),
                mask(p.measures()), education instanceof Map<?, ?> || education instanceof List<?> ? mask(education) : education);
    }

    /** Values.plain keeps maps, lists and strings as they are, and masking keeps their shape. */
    @SuppressWarnings("unchecked")
    private <T> T mask(T value) {
        return (T) Masking.value(store.pseudonyms(), Values.plain(value));
    }
}
