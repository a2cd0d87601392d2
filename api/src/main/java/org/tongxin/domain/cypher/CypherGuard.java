package org.tongxin.domain.cypher;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tongxin.domain.problem.Problem;

/**
 * The first, lexical check on an ad-hoc query, before it reaches the database. It is an extra layer: the decision
 * that counts is made on the plan Neo4j itself builds ({@link PlanGuard}). It works on the exact text Neo4j will
 * receive — never on a normalised copy — and refuses text whose meaning could depend on who reads it: anything
 * NFKC normalisation would change (full-width letters, compatibility backslashes such as U+FE68 and U+FF3C that
 * a normalising reader takes for an escape), invisible format characters, control characters other than tab and
 * the line breaks, and the Unicode line and paragraph separators. Then comments and string literals are taken out
 * (so a write cannot hide in them, and a word inside a string does not trip the check) with the same token rules
 * as Neo4j's Cypher 5 lexer, and any clause that writes, reads files, runs in separate transactions, administers
 * the database, sets query options or starts a second statement is refused with a problem naming the reason. Procedures are
 * allowed only from a short list of read-only ones.
 */
public final class CypherGuard {

    /** A banned pattern and the problem it is refused with (code and values of its message). */
    private record Ban(Pattern pattern, String code, Object... args) {
    }

    private static final List<Ban> BANS = List.of(
            ban("\\bCREATE\\b", "cypher.guard.writes", "CREATE"),
            ban("\\bMERGE\\b", "cypher.guard.writes", "MERGE"),
            ban("\\bSET\\b", "cypher.guard.writes", "SET"),
            ban("\\bREMOVE\\b", "cypher.guard.writes", "REMOVE"),
            ban("\\bDELETE\\b", "cypher.guard.writes", "DELETE"),
            ban("\\bDETACH\\b", "cypher.guard.writes", "DETACH DELETE"),
            ban("\\bFOREACH\\b", "cypher.guard.foreach"),
            ban("\\bLOAD\\s+CSV\\b", "cypher.guard.load", "LOAD CSV"),
            ban("\\bLOAD\\b", "cypher.guard.load", "LOAD"),
            ban("\\bIN\\s+(\\d+\\s+)?(CONCURRENT\\s+)?TRANSACTIONS\\b", "cypher.guard.transactions"),
            ban("\\bDROP\\b", "cypher.guard.drop"),
            ban("\\b(ALTER|RENAME|GRANT|DENY|REVOKE|START|STOP|TERMINATE)\\b", "cypher.guard.admin"),
            ban("\\bSHOW\\b", "cypher.guard.show"),
            ban("\\bUSE\\b", "cypher.guard.use"),
            ban("\\b(PERIODIC\\s+COMMIT|USING\\s+PERIODIC)\\b", "cypher.guard.periodic"),
            ban("\\bdbms\\s*\\.", "cypher.guard.administers", "dbms.*"),
            ban("\\bapoc\\s*\\.", "cypher.guard.apoc"),
            ban("\\bgds\\s*\\.", "cypher.guard.gds"),
            ban("\\bdb\\s*\\.\\s*stats\\b", "cypher.guard.administers", "db.stats.*"),
            ban("^\\s*(CYPHER|EXPLAIN|PROFILE)\\b", "cypher.guard.prefix"),
            ban(";", "cypher.guard.semicolon"));

    /** Read-only procedures an analyst may call. */
    private static final List<String> ALLOWED_PROCEDURES = List.of("db.labels", "db.relationshiptypes", "db.propertykeys",
            "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties");

    /** One part of a procedure's name: plain, or backquoted with doubled backquotes inside. */
    private static final String NAME_PART = "(?:[A-Za-z_]\\w*|`(?:[^`]|``)*`)";
    private static final Pattern CALL_PROC = Pattern.compile("\\bCALL\\s+(" + NAME_PART + "(?:\\s*\\.\\s*" + NAME_PART
            + ")*)\\s*\\(?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_PARTS = Pattern.compile(NAME_PART);
    private static final Pattern CALL_SUBQUERY = Pattern.compile("\\bCALL\\s*(\\(|\\{)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALL = Pattern.compile("\\bCALL\\b", Pattern.CASE_INSENSITIVE);

    private CypherGuard() {
    }

    /** Empty when the query may run; otherwise why not, as the problem to answer with. */
    public static Optional<Problem> refusal(String query) {
        if (query == null || query.isBlank()) {
            return Optional.of(Problem.refused("cypher.guard.empty"));
        }
        Optional<Problem> odd = oddCharacters(query);
        if (odd.isPresent()) {
            return odd;
        }
        String q;
        try {
            q = stripCommentsAndStrings(query);
        } catch (Problem e) {
            return Optional.of(e);
        }
        for (Ban b : BANS) {
            if (b.pattern().matcher(q).find()) {
                return Optional.of(Problem.refused(b.code(), b.args()));
            }
        }
        var calls = CALL.matcher(q);
        while (calls.find()) {
            String rest = q.substring(calls.start());
            if (CALL_SUBQUERY.matcher(rest).lookingAt()) {
                continue;
            }
            var proc = CALL_PROC.matcher(rest);
            String name = proc.lookingAt() ? procedureName(proc.group(1)) : "?";
            if (!ALLOWED_PROCEDURES.contains(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(Problem.refused("cypher.guard.procedure", name, ALLOWED_PROCEDURES));
            }
        }
        return Optional.empty();
    }

    /**
     * A procedure's name as Neo4j resolves it: its parts without backquotes, joined by dots
     * ({@code `db`.`createLabel`} and {@code `db.createLabel`} are both {@code db.createLabel}).
     */
    static String procedureName(String written) {
        StringBuilder name = new StringBuilder();
        var parts = NAME_PARTS.matcher(written);
        while (parts.find()) {
            String part = parts.group();
            if (part.startsWith("`")) {
                part = part.substring(1, part.length() - 1).replace("``", "`");
            }
            name.append(name.isEmpty() ? "" : ".").append(part);
        }
        return name.toString();
    }

    /**
     * Why the text's characters alone are refused, if they are: text that NFKC would change is read differently
     * by a normalising and a non-normalising reader, and invisible or line-breaking characters make the text look
     * different from what runs.
     */
    static Optional<Problem> oddCharacters(String query) {
        if (!Normalizer.isNormalized(query, Normalizer.Form.NFKC)) {
            return Optional.of(Problem.refused("cypher.guard.compatibility"));
        }
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            int type = Character.getType(c);
            if (type == Character.FORMAT) {
                return Optional.of(Problem.refused("cypher.guard.format", String.format("%04X", (int) c)));
            }
            if ((type == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return Optional.of(Problem.refused("cypher.guard.control", String.format("%04X", (int) c)));
            }
        }
        return Optional.empty();
    }

    /**
     * Blanks out comments and string literals with Neo4j's Cypher 5 token rules: a {@code //} comment runs to the
     * first line terminator, {@code /*…*\/} to the first {@code *\/} (no nesting), a string to its unescaped quote
     * where a backslash escapes any one character, a backquoted name to the backquote not doubled. Neo4j ends a
     * {@code //} comment at {@code \r} or {@code \n} only; this also ends it at every other Unicode line
     * terminator, so a parser that does too can never see code this check took for a comment (ending early only
     * makes the check read more). Backquoted names are identifiers, kept as they are (and still checked).
     * Anything left open is refused.
     */
    static String stripCommentsAndStrings(String q) {
        StringBuilder out = new StringBuilder(q.length());
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '/' && i + 1 < q.length() && q.charAt(i + 1) == '/') {
                int end = i + 2;
                while (end < q.length() && !isLineTerminator(q.charAt(end))) {
                    end++;
                }
                i = end;
                out.append(' ');
            } else if (c == '/' && i + 1 < q.length() && q.charAt(i + 1) == '*') {
                int end = q.indexOf("*/", i + 2);
                if (end < 0) {
                    throw Problem.refused("cypher.guard.comment-open");
                }
                i = end + 2;
                out.append(' ');
            } else if (c == '`') {
                int j = i + 1;
                while (j < q.length() && (q.charAt(j) != '`' || (j + 1 < q.length() && q.charAt(j + 1) == '`'))) {
                    j += q.charAt(j) == '`' ? 2 : 1;
                }
                if (j >= q.length()) {
                    throw Problem.refused("cypher.guard.backquote-open");
                }
                out.append(q, i, j + 1);
                i = j + 1;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < q.length() && q.charAt(j) != c) {
                    j += q.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= q.length()) {
                    throw Problem.refused("cypher.guard.string-open");
                }
                out.append("''");
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Line terminators: Neo4j's two plus VT, FF, NEL and the Unicode line and paragraph separators. */
    static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028'
                || c == '\u2029';
    }

    private static Ban ban(String regex, String code, Object... args) {
        return new Ban(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), code, args);
    }
}
