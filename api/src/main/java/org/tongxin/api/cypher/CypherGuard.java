package org.tongxin.api.cypher;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first check on an ad-hoc query, before it reaches the database: comments and string literals are taken
 * out (so a write cannot hide in them, and a word inside a string does not trip the check), the text is
 * NFKC-normalised (full-width letters become plain ones), and any clause that writes, reads files, runs in
 * separate transactions or administers the database is refused with the reason. Procedures are allowed only
 * from a short list of read-only ones. The database then runs what passes in a READ transaction, and EXPLAIN's
 * query type is checked again ({@link ReadOnlyCypher}).
 */
public final class CypherGuard {

    private record Ban(Pattern pattern, String reason) {
    }

    private static final List<Ban> BANS = List.of(
            ban("\\bCREATE\\b", "CREATE writes to the graph"),
            ban("\\bMERGE\\b", "MERGE writes to the graph"),
            ban("\\bSET\\b", "SET writes to the graph"),
            ban("\\bREMOVE\\b", "REMOVE writes to the graph"),
            ban("\\bDELETE\\b", "DELETE writes to the graph"),
            ban("\\bDETACH\\b", "DETACH DELETE writes to the graph"),
            ban("\\bFOREACH\\b", "FOREACH is only used for writes"),
            ban("\\bLOAD\\s+CSV\\b", "LOAD CSV reads files or URLs"),
            ban("\\bLOAD\\b", "LOAD reads files or URLs"),
            ban("\\bIN\\s+(\\d+\\s+)?(CONCURRENT\\s+)?TRANSACTIONS\\b", "CALL … IN TRANSACTIONS runs outside the read-only transaction"),
            ban("\\bDROP\\b", "DROP changes the schema"),
            ban("\\b(ALTER|RENAME|GRANT|DENY|REVOKE|START|STOP|TERMINATE)\\b", "administration commands are not allowed"),
            ban("\\bSHOW\\b", "SHOW commands are administration, not graph queries"),
            ban("\\bUSE\\b", "USE switches databases"),
            ban("\\b(PERIODIC\\s+COMMIT|USING\\s+PERIODIC)\\b", "periodic commit writes"),
            ban("\\bdbms\\s*\\.", "dbms.* procedures administer the server"),
            ban("\\bapoc\\s*\\.", "APOC procedures are not installed and not allowed"),
            ban("\\bgds\\s*\\.", "GDS procedures are not allowed"));

    /** Read-only procedures an analyst may call. */
    private static final List<String> ALLOWED_PROCEDURES = List.of("db.labels", "db.relationshiptypes", "db.propertykeys",
            "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties");

    private static final Pattern CALL_PROC = Pattern.compile("\\bCALL\\s+([A-Za-z_][\\w.]*)\\s*\\(?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALL_SUBQUERY = Pattern.compile("\\bCALL\\s*(\\(|\\{)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALL = Pattern.compile("\\bCALL\\b", Pattern.CASE_INSENSITIVE);

    private CypherGuard() {
    }

    /** Empty when the query may run; otherwise why not, in a sentence for the user. */
    public static Optional<String> refusal(String query) {
        if (query == null || query.isBlank()) {
            return Optional.of("the query is empty");
        }
        String q;
        try {
            q = stripCommentsAndStrings(Normalizer.normalize(query, Normalizer.Form.NFKC));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (q.chars().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
            return Optional.of("the query contains invisible format characters");
        }
        for (Ban b : BANS) {
            if (b.pattern().matcher(q).find()) {
                return Optional.of("refused: " + b.reason() + "; the console is read-only");
            }
        }
        var calls = CALL.matcher(q);
        while (calls.find()) {
            String rest = q.substring(calls.start());
            if (CALL_SUBQUERY.matcher(rest).lookingAt()) {
                continue;
            }
            var proc = CALL_PROC.matcher(rest);
            if (!proc.lookingAt() || !ALLOWED_PROCEDURES.contains(proc.group(1).toLowerCase(Locale.ROOT))) {
                return Optional.of("refused: procedure " + (proc.lookingAt() ? proc.group(1) : "call")
                        + " is not on the allow-list " + ALLOWED_PROCEDURES);
            }
        }
        return Optional.empty();
    }

    /**
     * Blanks out comments ({@code //…}, {@code /*…*\/}) and string literals ('…', "…"); backquoted names are
     * identifiers, kept as they are (and still checked). Anything left open is refused.
     */
    static String stripCommentsAndStrings(String q) {
        StringBuilder out = new StringBuilder(q.length());
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '/' && i + 1 < q.length() && q.charAt(i + 1) == '/') {
                int end = q.indexOf('\n', i);
                i = end < 0 ? q.length() : end;
                out.append(' ');
            } else if (c == '/' && i + 1 < q.length() && q.charAt(i + 1) == '*') {
                int end = q.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("refused: a comment is not closed");
                }
                i = end + 2;
                out.append(' ');
            } else if (c == '`') {
                int end = q.indexOf('`', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("refused: a backquoted name is not closed");
                }
                out.append(q, i, end + 1);
                i = end + 1;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < q.length() && q.charAt(j) != c) {
                    j += q.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= q.length()) {
                    throw new IllegalArgumentException("refused: a string is not closed");
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

    private static Ban ban(String regex, String reason) {
        return new Ban(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), reason);
    }
}
