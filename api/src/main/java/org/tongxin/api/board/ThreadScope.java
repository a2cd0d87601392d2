package org.tongxin.api.board;

import java.util.List;
import java.util.Map;
import org.tongxin.api.ApiServices;
import org.tongxin.api.http.ApiException;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.user.User;

/**
 * Who may open a thread about an order or a minor, and with whom: a thread about {@code order:<id>} is between the
 * parties to the order — prosecutors and the guardian it was issued to; one about {@code minor:<node>} between
 * prosecutors and the social workers and psychologists assigned to that minor. A thread about nothing in particular
 * may include a guardian only when a prosecutor opens it: guardians are reached about their own order, not by
 * whoever has an account. Anything else would let a user reach people about a case that is none of theirs.
 */
final class ThreadScope {

    private ThreadScope() {
    }

    /** Refuses (403, or 404 for a minor outside the opener's scope) unless the opener and every participant may be in it. */
    static void check(ApiServices s, User opener, String about, List<User> participants) {
        String a = about == null ? "" : about.strip();
        if (a.startsWith("order:")) {
            order(s, opener, a.substring("order:".length()), participants);
        } else if (a.startsWith("minor:")) {
            minor(s, opener, a.substring("minor:".length()), participants);
        } else if (opener.role() != Role.PROSECUTOR) {
            for (User p : participants) {
                if (p.role() == Role.GUARDIAN) {
                    throw new ApiException.Forbidden(p.name() + " is a guardian; a guardian is reached in a thread about"
                            + " their own order, which a prosecutor opens");
                }
            }
        }
    }

    private static void order(ApiServices s, User opener, String id, List<User> participants) {
        if (opener.role() != Role.PROSECUTOR) {
            throw new ApiException.Forbidden("only a party to the order (a prosecutor, or the guardian it was issued to) opens a thread about it");
        }
        String guardian = java.util.Objects.toString(s.orders().detail(id).guardianUser(), "");
        for (User p : participants) {
            if (p.role() != Role.PROSECUTOR && !(p.role() == Role.GUARDIAN && p.name().equals(guardian))) {
                throw new ApiException.Forbidden(p.name() + " is no party to order " + id
                        + "; a thread about an order is between prosecutors and the guardian it was issued to");
            }
        }
    }

    private static void minor(ApiServices s, User opener, String node, List<User> participants) {
        String minorId = s.graph().personId(node);
        if (opener.role() != Role.PROSECUTOR && opener.role() != Role.SOCIAL_WORKER && opener.role() != Role.PSYCHOLOGIST) {
            throw new ApiException.Forbidden("only prosecutors and the social workers and psychologists assigned to a minor open a thread about them");
        }
        if (!mayDiscuss(opener, minorId)) {
            throw new ApiException.NotFound("no person " + node);
        }
        for (User p : participants) {
            if (!mayDiscuss(p, minorId)) {
                throw new ApiException.Forbidden(p.name() + " may not be in a thread about this minor; it is between prosecutors"
                        + " and the social workers and psychologists assigned to them");
            }
        }
    }

    private static boolean mayDiscuss(User u, String minorId) {
        return u.role() == Role.PROSECUTOR
                || (u.role() == Role.SOCIAL_WORKER || u.role() == Role.PSYCHOLOGIST) && u.assignedMinors().contains(minorId);
    }
}
