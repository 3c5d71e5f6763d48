package fullcourt.engine.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds constructs outside the SQL subset that both DuckDB and BigQuery run the same way (the
 * list, with reasons and portable alternatives, is warehouse/SQL-DIALECT.md). Comments and the
 * contents of string literals are blanked first, so a rule never fires on prose; each violation
 * names its line, the construct and what to write instead.
 */
public final class DialectCheck {

    /** Datasets a model may read; each is a BigQuery dataset and a DuckDB schema. */
    public static final Set<String> DATASETS = Set.of("raw", "analytics", "precompute", "predictions", "publishing", "ops");

    private record Rule(Pattern pattern, String problem) {
    }

    private static Rule rule(String regex, String problem) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), problem);
    }

    private static final List<Rule> RULES = List.of(
            rule("::", "'::' cast is DuckDB-only; write CAST(x AS type)"),
            rule("`", "backtick quoting is BigQuery-only; use unquoted snake_case identifiers"),
            rule("\"", "double quotes mean a string in BigQuery but an identifier in DuckDB; use single-quoted"
                    + " strings and unquoted identifiers"),
            rule(";", "a model is one statement without ';' (DuckDB wraps it in CREATE TABLE ... AS SELECT * FROM (...))"),
            rule("@@", "@@ system variables are BigQuery-only"),
            rule("\\$", "'$' (partition decorators) is BigQuery-only; the adapter picks the partition"),
            rule("\\bDATE_?DIFF\\s*\\(", "DATE_DIFF takes different arguments in each engine; use ops.days_between(later, earlier)"),
            rule("\\b(DATE_ADD|DATE_SUB|DATEADD)\\s*\\(", "DATE_ADD/DATE_SUB differ (BigQuery returns DATE, DuckDB TIMESTAMP);"
                    + " use ops.add_days(d, n)"),
            rule("\\bINTERVAL\\b", "INTERVAL arithmetic differs; use ops.add_days(d, n), and ROWS frames in windows"),
            rule("\\b(DATE_TRUNC|DATE_PART|DATEPART|FORMAT_DATE|PARSE_DATE|STRFTIME|STRPTIME|LAST_DAY|MAKE_DATE)\\s*\\(",
                    "date function with engine-specific arguments; compare DATE values, use EXTRACT(YEAR|MONTH|DAY FROM d)"),
            rule("\\bEXTRACT\\s*\\(\\s*(DAYOFWEEK|DOW|ISODOW|WEEK|ISOWEEK|ISOYEAR)\\b",
                    "week numbering differs (BigQuery DAYOFWEEK: Sunday = 1, DuckDB: Sunday = 0)"),
            rule("\\b(CURRENT_DATE|CURRENT_TIMESTAMP|CURRENT_DATETIME|CURRENT_TIME|NOW|RAND|RANDOM|GENERATE_UUID|UUID)\\b",
                    "non-deterministic: re-running a date must yield identical rows; use @game_date"),
            rule("\\b(SAFE_DIVIDE|IEEE_DIVIDE)\\s*\\(", "BigQuery-only division; use ops.safe_div(a, b)"),
            rule("\\bDIV\\s*\\(|//", "integer division differs; write CAST(FLOOR(a / b) AS INT64)"),
            rule("%", "BigQuery has no % operator; MOD(a, b) works in both"),
            rule("==", "'==' is DuckDB-only; write '='"),
            rule("\\b(SAFE_CAST|TRY_CAST)\\s*\\(|\\bSAFE\\.", "SAFE_CAST is BigQuery's, TRY_CAST DuckDB's; use CAST on clean"
                    + " input or a CASE guard"),
            rule("\\bIFF\\s*\\(", "IFF exists in neither engine; write IF(c, a, b) or CASE"),
            rule("\\bILIKE\\b", "ILIKE is DuckDB-only; write LOWER(x) LIKE 'pattern'"),
            rule("\\b(LIST|LIST_\\w+|ARRAY_AGG|ARRAY_LENGTH|ARRAY_TO_STRING|UNNEST|SPLIT|SPLIT_PART|STRING_SPLIT|GENERATE_ARRAY)"
                    + "\\s*\\(|\\bARRAY\\s*[\\[(<]|\\bSTRUCT\\b",
                    "arrays and structs are outside the subset: output tables are flat"),
            rule("\\*\\s*(EXCLUDE|EXCEPT|REPLACE)\\s*\\(", "SELECT * EXCLUDE/EXCEPT/REPLACE differ between engines; list the columns"),
            rule("\\bQUALIFY\\b", "write the window column in a CTE and filter it with WHERE"),
            rule("\\bFILTER\\s*\\(\\s*WHERE\\b", "aggregate FILTER is DuckDB-only; write COUNT(CASE WHEN c THEN 1 END)"
                    + " or SUM(CASE WHEN c THEN x END)"),
            rule("\\b(LOGICAL_OR|LOGICAL_AND|BOOL_OR|BOOL_AND)\\s*\\(", "boolean aggregates are named differently; write"
                    + " MAX(CASE WHEN c THEN 1 ELSE 0 END) = 1"),
            rule("\\bLOG\\s*\\(", "LOG(x) is the natural log in BigQuery but base 10 in DuckDB; write LN(x) or LOG10(x)"),
            rule("\\bCONCAT\\s*\\(", "CONCAT skips NULLs in DuckDB but returns NULL in BigQuery; write a || b"),
            rule("\\bREGEXP_\\w+\\s*\\(", "regular-expression functions differ in name and semantics; use LIKE, STRPOS, SUBSTR"),
            rule("\\b(PERCENTILE_CONT|PERCENTILE_DISC|QUANTILE\\w*|MEDIAN|APPROX_\\w+)\\s*\\(",
                    "percentiles are spelled differently in each engine"),
            rule("\\b(PIVOT|UNPIVOT|TABLESAMPLE)\\b", "PIVOT/UNPIVOT/TABLESAMPLE syntax differs; write CASE aggregates"),
            rule("\\bUNION\\b(?!\\s+(ALL|DISTINCT)\\b)", "BigQuery requires UNION ALL or UNION DISTINCT"),
            rule("\\b(INTERSECT|EXCEPT)\\b(?!\\s+DISTINCT\\b)(?!\\s*\\()",
                    "BigQuery supports only INTERSECT DISTINCT and EXCEPT DISTINCT"),
            rule("\\bAS\\s+(DOUBLE|FLOAT64|FLOAT|FLOAT4|FLOAT8|REAL|NUMERIC|DECIMAL|BIGNUMERIC|VARCHAR|TEXT|CHAR|HUGEINT"
                    + "|INTEGER|INT|BIGINT|SMALLINT|TINYINT|BOOLEAN|DATETIME|TIMESTAMP|TIME|BYTES|BLOB|JSON)\\s*[()]",
                    "type name not spelled the same in both engines; cast to INT64, STRING, BOOL or DATE, and get FLOAT64"
                            + " from a division or ops.safe_div"));

    /** Reserved words in BigQuery that a model could be tempted to use as column aliases. */
    private static final Pattern RESERVED_ALIAS = Pattern.compile(
            "\\bAS\\s+(ALL|AND|ANY|ARRAY|AT|BY|CASE|CAST|COLLATE|CONTAINS|CREATE|CROSS|CUBE|CURRENT|DEFAULT|DEFINE|DESC"
                    + "|DISTINCT|ELSE|END|ENUM|ESCAPE|EXCEPT|EXCLUDE|EXISTS|EXTRACT|FALSE|FETCH|FOLLOWING|FOR|FROM|FULL|GROUP"
                    + "|GROUPING|GROUPS|HASH|HAVING|IF|IGNORE|IN|INNER|INTERSECT|INTERVAL|INTO|IS|JOIN|LATERAL|LEFT|LIKE|LIMIT"
                    + "|LOOKUP|MERGE|NATURAL|NEW|NO|NOT|NULL|NULLS|OF|ON|OR|ORDER|OUTER|OVER|PARTITION|PRECEDING|PROTO"
                    + "|QUALIFY|RANGE|RECURSIVE|RESPECT|RIGHT|ROLLUP|ROWS|SET|SOME|STRUCT|TABLESAMPLE|THEN|TO|TREAT|TRUE"
                    + "|UNBOUNDED|UNION|UNNEST|USING|WHEN|WHERE|WINDOW|WITH|WITHIN)\\b(?!\\s*\\()",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "\\b(FROM|JOIN)\\s+([A-Za-z_][\\w-]*)\\.([A-Za-z_]\\w*)(\\.[A-Za-z_]\\w*)?", Pattern.CASE_INSENSITIVE);

    private static final Pattern NON_TABLE_FROM = Pattern.compile(
            "(?:\\bEXTRACT\\s*\\(\\s*\\w+\\s+|\\bDISTINCT\\s+)(FROM)\\b", Pattern.CASE_INSENSITIVE);

    private DialectCheck() {
    }

    /** Every construct in {@code sql} outside the portable subset, as "line N: found: problem"; empty when clean. */
    public static List<String> violations(String sql) {
        List<String> out = new ArrayList<>();
        String code = stripCommentsAndStrings(sql, out);
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(code);
            while (m.find()) {
                out.add(at(code, m.start()) + m.group().strip() + ": " + rule.problem());
            }
        }
        Matcher alias = RESERVED_ALIAS.matcher(code);
        while (alias.find()) {
            out.add(at(code, alias.start()) + alias.group() + ": '" + alias.group(1).toLowerCase(Locale.ROOT)
                    + "' is reserved in BigQuery and could only be quoted, which is not portable; pick another name");
        }
        Matcher table = TABLE_REFERENCE.matcher(withoutNonTableFroms(code));
        while (table.find()) {
            String dataset = table.group(2).toLowerCase(Locale.ROOT);
            if (table.group(4) != null) {
                out.add(at(code, table.start(2)) + table.group().substring(table.group(1).length()).strip()
                        + ": three-part names (project.dataset.table) break DuckDB; write dataset.table");
            } else if (!DATASETS.contains(dataset)) {
                out.add(at(code, table.start(2)) + table.group(2) + "." + table.group(3) + ": unknown dataset '"
                        + table.group(2) + "'; tables live in " + DATASETS.stream().sorted().toList());
            }
        }
        out.sort(DialectCheck::byLine);
        return out;
    }

    /** EXTRACT(x FROM t.c) and IS DISTINCT FROM t.c name columns, not tables: blank their FROM. */
    private static String withoutNonTableFroms(String code) {
        Matcher m = NON_TABLE_FROM.matcher(code);
        StringBuilder out = new StringBuilder(code);
        while (m.find()) {
            out.replace(m.start(1), m.end(1), "    ");
        }
        return out.toString();
    }

    /**
     * The SQL with comments replaced by spaces and string-literal contents by underscores
     * (quotes and newlines kept, so offsets and line numbers stay true). Literals that the two
     * engines read differently are reported into {@code out}.
     */
    static String stripCommentsAndStrings(String sql, List<String> out) {
        StringBuilder code = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                blank(sql, i, end, code, ' ');
                i = end;
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                blank(sql, i, end, code, ' ');
                i = end;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < sql.length() && sql.charAt(end) != '\'') {
                    end++;
                }
                String literal = sql.substring(i, Math.min(end + 1, sql.length()));
                if (end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
                    out.add(at(sql, i) + literal + "': a quote inside a string literal ('' in DuckDB, \\' in BigQuery)"
                            + " has no portable spelling; pass the value as a parameter");
                }
                if (literal.indexOf('\\') >= 0) {
                    out.add(at(sql, i) + literal + ": backslash is an escape in BigQuery strings but not in DuckDB;"
                            + " pass the value as a parameter");
                }
                code.append('\'');
                blank(sql, i + 1, Math.min(end, sql.length()), code, '_');
                if (end < sql.length()) {
                    code.append('\'');
                }
                i = end + 1;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static void blank(String sql, int from, int to, StringBuilder code, char filler) {
        for (int k = from; k < to; k++) {
            code.append(sql.charAt(k) == '\n' ? '\n' : filler);
        }
    }

    private static String at(String text, int offset) {
        int line = 1;
        for (int k = 0; k < offset; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return "line " + line + ": ";
    }

    private static int byLine(String a, String b) {
        return Integer.compare(lineOf(a), lineOf(b));
    }

    private static int lineOf(String violation) {
        return Integer.parseInt(violation.substring(5, violation.indexOf(':')));
    }
}
