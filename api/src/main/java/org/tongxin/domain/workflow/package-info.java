/**
 * The one workflow engine for every kind of casework.
 *
 * <p>A kind of casework has an enum of states implementing {@link org.tongxin.domain.workflow.State}, its allowed
 * steps as data ({@link org.tongxin.domain.workflow.Transitions}, built once, immutable), and a
 * {@link org.tongxin.domain.workflow.Trail} saying where the graph keeps it: leads
 * {@code (:Lead {ref})-[:ACTION]->(:LeadAction)} numbered by {@code workflowSeq}, everything else
 * {@code (:X {id})-[:STEP]->(:CaseStep)} numbered by {@code stepSeq}. {@link org.tongxin.domain.workflow.Flow}
 * locks the node (increments the counter), checks the current status ({@code workflow.not-allowed},
 * {@code workflow.not-found}) and writes the status and the step, in the caller's transaction; so of two moves from
 * the same status exactly one wins. Transactions come from {@link org.tongxin.domain.workflow.Transactions}: the
 * Spring transaction manager's in the product ({@code persistence.Casework#transactions()}), the driver's in tools.
 *
 * <p>Adopting it (as submissions and class bookings did, from the former adapter {@code Steps}):
 * <pre>{@code
 * enum BookingStatus implements State { REQUESTED("requested"), SCHEDULED("scheduled"), ...;
 *     static final Transitions<BookingStatus> STEPS = Transitions.of(REQUESTED, values())
 *             .allow(REQUESTED, SCHEDULED, CANCELLED).allow(SCHEDULED, HELD, CANCELLED).build(); }
 * static final Flow<BookingStatus> FLOW = new Flow<>(Trail.casework("ClassBooking"), BookingStatus.STEPS);
 *
 * // was: Steps.apply(tx, "ClassBooking", id, NEXT, "scheduled", "status", by, note, Map.of("proposal", p))
 * transactions.write(tx -> FLOW.move(tx, id, Flow.Move.to(BookingStatus.SCHEDULED, "status", by, note)
 *         .withExtra(Map.of("proposal", p))));
 * // a step that keeps the status: Flow.Move.keep("visit", by, note); inside an existing driver transaction:
 * FLOW.move(Statements.of(tx), id, move);
 * // was: Steps.list(tx, "ClassBooking", id)  →  FLOW.history(Statements.of(tx), id)  (records, oldest first)
 * }</pre>
 * The stored shape stays the same, so no data migration is needed.
 */
package org.tongxin.domain.workflow;
