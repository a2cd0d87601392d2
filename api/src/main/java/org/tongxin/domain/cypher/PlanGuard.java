package org.tongxin.domain.cypher;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;
import org.tongxin.domain.problem.Problem;

/**
 * The check that decides: it reads the plan Neo4j built for the query ({@code EXPLAIN}) rather than the text, so
 * whatever the text hides from a reader — comments, escapes, look-alike characters — the operators Neo4j would run
 * are what is judged. Every operator in the tree must be on an allow-list of read operators; procedure calls must
 * name an allowed read-only procedure. Anything else (LOAD CSV, writes, SHOW/TERMINATE commands, operators this
 * list does not know, such as those of a newer Neo4j) is refused by name.
 */
public final class PlanGuard {

    /** Neo4j 5.26 operators that only read the graph (names as in plans, without the {@code @neo4j} suffix). */
    static final Set<String> READ_OPERATORS = Set.of(
            // scans and seeks
            "AllNodesScan", "NodeByLabelScan", "UnionNodeByLabelsScan", "IntersectionNodeByLabelsScan",
            "SubtractionNodeByLabelsScan", "NodeByIdSeek", "NodeByElementIdSeek", "NodeIndexSeek",
            "NodeUniqueIndexSeek", "NodeIndexSeekByRange", "NodeUniqueIndexSeekByRange", "NodeIndexScan",
            "NodeIndexContainsScan", "NodeIndexEndsWithScan", "MultiNodeIndexSeek", "AssertingMultiNodeIndexSeek",
            "DirectedRelationshipIndexSeek", "UndirectedRelationshipIndexSeek", "DirectedRelationshipIndexScan",
            "UndirectedRelationshipIndexScan", "DirectedRelationshipIndexSeekByRange",
            "UndirectedRelationshipIndexSeekByRange", "DirectedRelationshipIndexContainsScan",
            "UndirectedRelationshipIndexContainsScan", "DirectedRelationshipIndexEndsWithScan",
            "UndirectedRelationshipIndexEndsWithScan", "DirectedRelationshipByIdSeek", "UndirectedRelationshipByIdSeek",
            "DirectedRelationshipByElementIdSeek", "UndirectedRelationshipByElementIdSeek",
            "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan", "DirectedRelationshipTypeScan",
            "UndirectedRelationshipTypeScan", "DirectedUnionRelationshipTypesScan",
            "UndirectedUnionRelationshipTypesScan", "NodeCountFromCountStore", "RelationshipCountFromCountStore",
            // expands and paths
            "Expand(All)", "Expand(Into)", "OptionalExpand(All)", "OptionalExpand(Into)", "VarLengthExpand(All)",
            "VarLengthExpand(Into)", "VarLengthExpand(Pruning)", "VarLengthExpand(Pruning,BFS)",
            "VarLengthExpand(Pruning,BFS,All)", "VarLengthExpand(Pruning,BFS,Into)", "ShortestPath",
            "StatefulShortestPath(All)", "StatefulShortestPath(Into)", "Repeat(Trail)", "Repeat(Walk)",
            "NullifyMetadata", "ProjectEndpoints", "TriadicSelection", "TriadicBuild", "TriadicFilter",
            "AssertSameNode", "AssertSameRelationship",
            // rows
            "Filter", "Projection", "CacheProperties", "EagerAggregation", "Aggregation", "OrderedAggregation",
            "Sort", "PartialSort", "Top", "PartialTop", "Limit", "ExhaustiveLimit", "Skip", "Distinct",
            "OrderedDistinct", "Unwind", "PartitionedUnwind", "Optional", "Anti", "Eager", "Argument",
            "ArgumentTracker", "EmptyResult", "EmptyRow", "ProduceResults", "Union", "OrderedUnion",
            "CartesianProduct", "NodeHashJoin", "ValueHashJoin", "NodeLeftOuterHashJoin", "NodeRightOuterHashJoin",
            // apply family (subqueries, EXISTS, pattern comprehensions)
            "Apply", "SemiApply", "AntiSemiApply", "LetSemiApply", "LetAntiSemiApply", "SelectOrSemiApply",
            "SelectOrAntiSemiApply", "LetSelectOrSemiApply", "LetSelectOrAntiSemiApply", "RollUpApply",
            "ConditionalApply", "AntiConditionalApply",
            // checked separately: only allowed procedures
            "ProcedureCall");

    /** Read-only procedures an analyst may call, as named in the plan. */
    static final Set<String> READ_PROCEDURES = Set.of("db.labels", "db.relationshiptypes", "db.propertykeys",
            "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties");

    private PlanGuard() {
    }

    /** Empty when every operator in the plan is an allowed read; otherwise why not, naming the operator. */
    public static Optional<Problem> refusal(Plan root) {
        if (root == null) {
            return Optional.of(Problem.refused("cypher.plan.none"));
        }
        Deque<Plan> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Plan p = todo.pop();
            String op = operator(p);
            if (!READ_OPERATORS.contains(op)) {
                return Optional.of(Problem.refused("cypher.plan.operator", op));
            }
            if (op.equals("ProcedureCall")) {
                String proc = procedure(p);
                if (!READ_PROCEDURES.contains(proc.toLowerCase(Locale.ROOT))) {
                    return Optional.of(Problem.refused("cypher.guard.procedure", proc, READ_PROCEDURES));
                }
            }
            p.children().forEach(todo::push);
        }
        return Optional.empty();
    }

    /** The operator's name without its runtime suffix ({@code NodeByLabelScan@neo4j} → {@code NodeByLabelScan}). */
    static String operator(Plan p) {
        String t = p.operatorType() == null ? "?" : p.operatorType();
        int at = t.indexOf('@');
        return at < 0 ? t : t.substring(0, at);
    }

    /** The procedure a ProcedureCall runs: its details read {@code db.labels() :: (label :: STRING)}. */
    static String procedure(Plan p) {
        Value details = p.arguments().get("Details");
        String d = details == null || details.isNull() ? "" : details.asString().strip();
        int paren = d.indexOf('(');
        return paren < 0 ? d : d.substring(0, paren).strip();
    }
}
