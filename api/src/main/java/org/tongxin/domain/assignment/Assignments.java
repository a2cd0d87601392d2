package org.tongxin.domain.assignment;

import java.time.LocalDate;
import java.util.List;
import org.tongxin.domain.graph.GraphQueries;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.user.User;
import org.tongxin.domain.user.UserStore;
import org.tongxin.domain.problem.Problem;
import org.tongxin.model.id.IdNumber;

/**
 * Assigning minors to social workers and psychologists: an assignment opens the person's profile to the worker, so
 * only a minor's is ever assigned, never an adult's. Removing it closes the profile to the worker again.
 */
public final class Assignments {

    /** The worker after the assignment, and how many minors they now have. */
    public record Assigned(String user, int assigned) {
    }

    /** A social worker or psychologist a minor is assigned to: the user name and the role's code. */
    public record Assignee(String user, String role) {
    }

    /** The workers a minor is assigned to, by user name. */
    public record AssignedTo(List<Assignee> workers) {
    }

    private final UserStore users;
    private final GraphQueries graph;

    public Assignments(UserStore users, GraphQueries graph) {
        this.users = users;
        this.graph = graph;
    }

    /** Assigns the person at this node, a minor on {@code today}, to the named social worker or psychologist. */
    public Assigned assign(String user, String personNode, LocalDate today) {
        required(user, personNode);
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

    /** The social workers and psychologists the person at this node is assigned to, by user name. */
    public AssignedTo of(String personNode) {
        String id = graph.personId(personNode);
        return new AssignedTo(users.all().stream().filter(u -> u.assignedMinors().contains(id))
                .map(u -> new Assignee(u.name(), u.role().code())).toList());
    }

    /** Ends the assignment of the person at this node to the named worker; refused when there is none. */
    public Assigned remove(String user, String personNode) {
        required(user, personNode);
        String id = graph.personId(personNode);
        User worker = users.get(user == null ? "" : user).orElseThrow(() -> Problem.invalid("security.no-user", user));
        if (!worker.assignedMinors().contains(id)) {
            throw Problem.notFound("security.not-assigned", worker.name());
        }
        User updated = users.unassign(worker.name(), id);
        return new Assigned(updated.name(), updated.assignedMinors().size());
    }

    /** Both parts of an assignment must be named: a missing one is a missing field, not an unknown user or person. */
    private static void required(String user, String personNode) {
        if (personNode == null || personNode.isBlank()) {
            throw Problem.invalid("security.assign-person-required");
        }
        if (user == null || user.isBlank()) {
            throw Problem.invalid("security.assign-user-required");
        }
    }
}
