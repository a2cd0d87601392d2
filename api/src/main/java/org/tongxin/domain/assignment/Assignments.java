package org.tongxin.domain.assignment;

import java.time.LocalDate;
import org.tongxin.domain.graph.GraphQueries;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.user.User;
import org.tongxin.domain.user.UserStore;
import org.tongxin.domain.problem.Problem;
import org.tongxin.model.id.IdNumber;

/**
 * Assigning minors to social workers and psychologists: an assignment opens the person's profile to the worker, so
 * only a minor's is ever assigned, never an adult's.
 */
public final class Assignments {

    /** The worker after the assignment, and how many minors they now have. */
    public record Assigned(String user, int assigned) {
    }

    private final UserStore users;
    private final GraphQueries graph;

    public Assignments(UserStore users, GraphQueries graph) {
        this.users = users;
        this.graph = graph;
    }

    /** Assigns the person at this node, a minor on {@code today}, to the named social worker or psychologist. */
    public Assigned assign(String user, String personNode, LocalDate today) {
        String id = graph.personId(personNode);
        IdNumber.Check person = IdNumber.check(id);
        if (!person.valid() || !person.id().isMinorAt(today)) {
            throw Problem.refused("security.assign-not-minor", today);
        }
        User worker = users.get(user == null ? "" : user).orElseThrow(() -> Problem.invalid("security.no-user", user));
        if (worker.role() != Role.SOCIAL_WORKER && worker.role() != Role.PSYCHOLOGIST) {
            throw Problem.invalid("security.assign-role");
        }
        User updated = users.assign(worker.name(), id);
        return new Assigned(updated.name(), updated.assignedMinors().size());
    }
}
