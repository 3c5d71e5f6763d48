package fullcourt.sqlcheck;

import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.ParseResumeLocation;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SqlException;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLOptions.ProductMode;
import com.google.zetasql.ZetaSQLType.TypeKind;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import fullcourt.engine.warehouse.bigquery.ParameterTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ZetaSQL, the SQL front end BigQuery runs (published by Google as GoogleSQL), set up as BigQuery's: external product
 * mode (FLOAT64 not DOUBLE, no INT32/UINT types, no protos) and the released language features. The released set is
 * slightly wider than BigQuery's own (it includes a few features BigQuery has not switched on), so a pass here is
 * necessary, not sufficient; every construct our dialect subset relies on is in both.
 */
public final class BigQueryAnalyzer {

    private final SimpleCatalog catalog;

    public BigQueryAnalyzer(SimpleCatalog catalog) {
        this.catalog = catalog;
    }

    /** BigQuery's language: external product mode, every released feature, QUALIFY reserved (as BigQuery has it). */
    public static LanguageOptions language() {
        LanguageOptions language = new LanguageOptions().enableMaximumLanguageFeatures();
        language.setProductMode(ProductMode.PRODUCT_EXTERNAL);
        language.setSupportsAllStatementKinds();
        language.enableReservableKeyword("QUALIFY");
        return language;
    }

    /**
     * Analyzes the statement as the adapter sends it, its parameters declared with the types the adapter binds.
     *
     * @throws AnalysisFailure naming the statement's source and the analyzer's message
     */
    public ResolvedStatement analyze(SqlStatement statement) {
        try {
            return Analyzer.analyzeStatement(statement.rendered(), options(statement), catalog);
        } catch (SqlException e) {
            throw new AnalysisFailure(statement, e.getMessage());
        }
    }

    /**
     * Analyzes every statement of a multi-statement text as BigQuery receives it in one job (a {@code BEGIN
     * TRANSACTION; ...; COMMIT TRANSACTION;} script of {@code BatchQueries}), one after the other as the analyzer's own
     * parser splits them ({@link Analyzer#analyzeNextStatement}), to the end of the text.
     *
     * @throws AnalysisFailure at the first statement refused, naming its position in the text
     */
    public List<ResolvedStatement> analyzeAll(SqlStatement statement) {
        String text = statement.rendered();
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        AnalyzerOptions options = options(statement);
        ParseResumeLocation location = new ParseResumeLocation(text);
        List<ResolvedStatement> resolved = new ArrayList<>();
        while (location.getBytePosition() < length && !rest(text, location.getBytePosition()).isBlank()) {
            try {
                resolved.add(Analyzer.analyzeNextStatement(location, options, catalog));
            } catch (SqlException e) {
                throw new AnalysisFailure(statement, "statement " + (resolved.size() + 1) + " of the text: "
                        + e.getMessage());
            }
        }
        return resolved;
    }

    private static String rest(String text, int bytePosition) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new String(bytes, bytePosition, bytes.length - bytePosition, StandardCharsets.UTF_8);
    }

    private static AnalyzerOptions options(SqlStatement statement) {
        AnalyzerOptions options = new AnalyzerOptions();
        options.setLanguageOptions(language());
        for (Map.Entry<String, Object> p : statement.parameters().entrySet()) {
            if (p.getValue() != null) {
                options.addQueryParameter(p.getKey(), type(ParameterTypes.of(p.getKey(), p.getValue())));
            }
        }
        return options;
    }

    /** The analyzer's type for a BigQuery column or parameter type. */
    public static Type type(StandardSQLTypeName bigQueryType) {
        TypeKind kind = switch (bigQueryType) {
            case BOOL -> TypeKind.TYPE_BOOL;
            case INT64 -> TypeKind.TYPE_INT64;
            case FLOAT64 -> TypeKind.TYPE_DOUBLE;
            case NUMERIC -> TypeKind.TYPE_NUMERIC;
            case BIGNUMERIC -> TypeKind.TYPE_BIGNUMERIC;
            case STRING -> TypeKind.TYPE_STRING;
            case BYTES -> TypeKind.TYPE_BYTES;
            case DATE -> TypeKind.TYPE_DATE;
            case DATETIME -> TypeKind.TYPE_DATETIME;
            case TIME -> TypeKind.TYPE_TIME;
            case TIMESTAMP -> TypeKind.TYPE_TIMESTAMP;
            case JSON -> TypeKind.TYPE_JSON;
            default -> throw new IllegalArgumentException("no analyzer type for BigQuery " + bigQueryType
                    + " (the declared schemas use scalar types only)");
        };
        return TypeFactory.createSimpleType(kind);
    }

    /** A statement the analyzer refused: its source and the analyzer's message. */
    public static final class AnalysisFailure extends RuntimeException {

        private final transient SqlStatement statement;
        private final String analyzerMessage;

        AnalysisFailure(SqlStatement statement, String analyzerMessage) {
            super(statement.kind() + " " + statement.source() + ": " + analyzerMessage);
            this.statement = statement;
            this.analyzerMessage = analyzerMessage;
        }

        public SqlStatement statement() {
            return statement;
        }

        public String analyzerMessage() {
            return analyzerMessage;
        }
    }
}
