package org.tongxin.domain.cypher;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.exceptions.Neo4jException;
import org.tongxin.domain.problem.Problem;

/**
 * Neo4j's own error on a console query, in the product's words. The engine's text is never passed on: it quotes
 * values from the database (sealed tokens, whole property values) and the query as the console sent it, with
 * the {@code EXPLAIN} prefix the console adds. Only the kind of error, from its status code (or its GQL status
 * when the code says nothing), and for a syntax error the position, counted in the analyst's own text.
 */
final class EngineErrors {

    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private EngineErrors() {
    }

    /**
     * The problem for an engine error; {@code prefix} is the text the console put before the analyst's query
     * (on its first line), whose length comes off a column reported on that line.
     */
    static Problem of(Neo4jException e, String prefix) {
        String code = e.code() == null ? "" : e.code();
        String kind = code.substring(code.lastIndexOf('.') + 1);
        String gql = gqlStatus(e);
        return switch (kind) {
            case "SyntaxError" -> syntax(e, prefix);
            case "TypeError" -> Problem.invalid("cypher.error.type");
            case "ArgumentError", "InvalidArguments" -> Problem.invalid("cypher.error.argument");
            case "ArithmeticError" -> Problem.invalid("cypher.error.arithmetic");
            case "ParameterMissing" -> Problem.invalid("cypher.error.parameter-missing");
            case "SemanticError" -> Problem.invalid("cypher.error.semantic");
            case "EntityNotFound" -> Problem.invalid("cypher.error.entity-not-found");
            default -> gql.startsWith("42") ? syntax(e, prefix)
                    : gql.startsWith("22") ? Problem.invalid("cypher.error.data")
                    : Problem.invalid("cypher.error.other", code.isEmpty() ? gql : code);
        };
    }

    private static Problem syntax(Neo4jException e, String prefix) {
        Matcher m = POSITION.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (!m.find()) {
            return Problem.invalid("cypher.error.syntax-somewhere");
        }
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        if (line == 1) {
            column = Math.max(1, column - prefix.length());
        }
        return Problem.invalid("cypher.error.syntax", line, column);
    }

    private static String gqlStatus(Neo4jException e) {
        String s = e.gqlStatus();
        return s == null ? "" : s.toUpperCase(Locale.ROOT);
    }
}
