package fullcourt.loader.contract;

/**
 * A raw column's type, with the strict check and cast applied to a file's text value. DuckDB's own casts are
 * lenient ('12.5' becomes INTEGER 13, '2022/01/05' a DATE, 'yes' a BOOLEAN): the contract accepts only the
 * plain spellings below, so a value is never silently changed on the way in.
 */
public enum RawType {
    VARCHAR("text", "%s"),
    // 12 or 12.0: spreadsheets and pandas write whole numbers with a decimal point
    INTEGER("an INTEGER (whole number such as 12)", "CAST(regexp_replace(%s, '\\.0+$', '') AS INTEGER)"),
    DOUBLE("a DOUBLE (number such as 31.5)", "CAST(%s AS DOUBLE)"),
    BOOLEAN("a BOOLEAN (true or false)", "(lower(%s) = 'true')"),
    DATE("a DATE (YYYY-MM-DD)", "CAST(%s AS DATE)"),
    TIMESTAMP("a TIMESTAMP (YYYY-MM-DD HH:MM:SS, UTC)", "CAST(%s AS TIMESTAMP)");

    private final String expectation;
    private final String castTemplate;

    RawType(String expectation, String castTemplate) {
        this.expectation = expectation;
        this.castTemplate = castTemplate;
    }

    /** What a value must look like, for rejection reasons. */
    public String expectation() {
        return expectation;
    }

    /** DuckDB SQL that is true when the non-null text {@code value} is a valid value of this type. */
    public String validSql(String value) {
        return switch (this) {
            case VARCHAR -> "TRUE";
            case INTEGER -> "(regexp_full_match(" + value + ", '[+-]?[0-9]+(\\.0+)?')"
                    + " AND TRY_CAST(regexp_replace(" + value + ", '\\.0+$', '') AS INTEGER) IS NOT NULL)";
            case DOUBLE -> "(regexp_full_match(" + value + ", '[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?'))";
            case BOOLEAN -> "(lower(" + value + ") IN ('true', 'false'))";
            case DATE -> "(regexp_full_match(" + value + ", '[0-9]{4}-[0-9]{2}-[0-9]{2}')"
                    + " AND TRY_CAST(" + value + " AS DATE) IS NOT NULL)";
            case TIMESTAMP -> "(regexp_full_match(" + value + ", '[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?Z?')"
                    + " AND TRY_CAST(" + value + " AS TIMESTAMP) IS NOT NULL)";
        };
    }

    /** DuckDB SQL casting the valid text {@code value} to this type. */
    public String castSql(String value) {
        return String.format(castTemplate, value);
    }
}
