/**
 * Spring Data Neo4j for the casework, the one package allowed to import Spring: {@link
 * org.tongxin.domain.persistence.Casework} wires a Neo4jClient, mapping context, template, transaction manager and
 * repositories over the store's driver (no Spring Boot, no application context); the {@code @Node} entities and
 * repository interfaces live here, and the domain reaches them through plain methods ({@link
 * org.tongxin.domain.persistence.OrderStore}, {@link org.tongxin.domain.persistence.SubmissionStore}, {@link
 * org.tongxin.domain.persistence.ClassBookingStore}, {@link org.tongxin.domain.persistence.CourseStore}) and {@link org.tongxin.domain.workflow.Transactions}.
 */
package org.tongxin.domain.persistence;
