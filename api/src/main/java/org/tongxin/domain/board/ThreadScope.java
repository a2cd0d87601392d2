package org.tongxin.domain.board;

import java.util.List;
import java.util.function.Function;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.user.User;
import org.tongxin.domain.problem.Problem;

/**
 * Who may open a thread about an order or a minor, and with whom: a thread about {@code order:<id>} is between the
 * parties to the order — prosecutors and the guardian it was issued to; one about {@code minor:<node>} between
 * prosecutors and the social workers and psychologists assigned to that minor. A thread about nothing in particular
 * may include a guardian only when a prosecutor opens it: guardians are reached about their own order, not by
 * whoever has an account. Anything else would let a user reach people about a case that is none of theirs.
 */
public final class ThreadScope {

    private final Function<String, String> guardianOfOrder;
    private final Function<String, String> personOfNode;

    /**
     * {@code guardianOfOrder}: the user name of the guardian an order was issued to ("" when none), failing as not
     * found for an unknown order; {@code personOfNode}: the identity number of a person node, failing as not found.
     */
    public ThreadScope(Function<String, String> guardianOfOrder, Function<String, String> personOfNode) {
        this.guardianOfOrder = guardianOfOrder;
        this.personOfNode = personOfNode;
    }

    /** Refuses (forbidden, or not found for a minor outside the opener's scope) unless the opener and every participant may be in it. */
    public void check(User opener, String about, List<User> participants) {
        String a = about == null ? "" : about.strip();
        if (a.startsWith("order:")) {
            order(opener, a.substring("order:".length()), participants);
        } else if (a.startsWith("minor:")) {
            minor(opener, a.substring("minor:".length()), participants);
        } else if (opener.role() != Role.PROSECUTOR) {
            for (User p : participants) {
                if (p.role() == Role.GUARDIAN) {
                    throw Problem.forbidden("board.guardian-outside-order", p.name());
                }
            }
        }
    }

    private void order(User opener, String id, List<User> participants) {
        if (opener.role() != Role.PROSECUTOR) {
            throw Problem.forbidden("board.order-opener");
        }
        String guardian = guardianOfOrder.apply(id);
        for (User p : participants) {
            if (p.role() != Role.PROSECUTOR && !(p.role() == Role.GUARDIAN && p.name().equals(guardian))) {
                throw Problem.forbidden("board.order-party", p.name(), id);
            }
        }
    }

    private void minor(User opener, String node, List<User> participants) {
        String minorId = personOfNode.apply(node);
        if (opener.role() != Role.PROSECUTOR && opener.role() != Role.SOCIAL_WORKER && opener.role() != Role.PSYCHOLOGIST) {
            throw Problem.forbidden("board.minor-opener");
        }
        if (!mayDiscuss(opener, minorId)) {
            throw Problem.notFound("board.person-not-found", node);
        }
        for (User p : participants) {
            if (!mayDiscuss(p, minorId)) {
                throw Problem.forbidden("board.minor-party", p.name());
            }
        }
    }

    private static boolean mayDiscuss(User u, String minorId) {
        return u.role() == Role.PROSECUTOR
                || (u.role() == Role.SOCIAL_WORKER || u.role() == Role.PSYCHOLOGIST) && u.assignedMinors().contains(minorId);
    }
}
