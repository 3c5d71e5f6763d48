package fullcourt.sqlcheck;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.common.collect.ImmutableList;
import com.google.zetasql.Function;
import com.google.zetasql.FunctionArgumentType;
import com.google.zetasql.FunctionSignature;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.TVFRelation;
import com.google.zetasql.TableValuedFunction;
import com.google.zetasql.Type;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLFunctions.FunctionEnums.Mode;
import com.google.zetasql.ZetaSQLFunctions.SignatureArgumentKind;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateFunctionStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateTableFunctionStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOutputColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedQueryStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.bigquery.PortableFunctions;
import fullcourt.infra.warehouse.PartitionedTable;
import fullcourt.coordinator.lease.LeaseStatements;
import fullcourt.predictions.ml.MlStatements;
import fullcourt.publishing.export.ExportManifest;
import fullcourt.sqlcheck.BigQueryAnalyzer.AnalysisFailure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analyzer's view of the warehouse, built from what the project declares, as BigQuery holds it after
 * provisioning:
 * <ul>
 *   <li>raw tables: their declared BigQuery schemas ({@code PartitionedTable.rawTables()}, from
 *   infra's warehouse/raw_tables.sql);</li>
 *   <li>output tables (analytics, precompute, predictions, publishing): their declared schemas
 *   ({@code PartitionedTable.outputTables()}, from infra's warehouse/output_tables.sql), the declarations the
 *   provisioner creates on BigQuery and DuckDB creates at open;</li>
 *   <li>ops tables: the ledger and the three lineage tables ({@code PartitionedTable.ledger()}, {@code lineage()});</li>
 *   <li>the portable {@code ops.*} functions: each CREATE FUNCTION and CREATE TABLE FUNCTION of
 *   bigquery_functions.sql is analyzed, and the function it creates (argument and return types, or the table
 *   function's columns, as resolved) is registered, so calls in models and Java writers resolve;</li>
 * </ul>
 * Then the statement that writes each output table, its SQL model or its Java processor's SQL, is analyzed against
 * that catalog, and its resolved output columns are kept ({@link #results()}) for {@code OutputSchemasTest} to hold
 * against the declaration. Every statement analyzed on the way is kept with its outcome.
 */
public final class DeclaredWarehouse {

    static final List<String> DATASETS = List.of("raw", "analytics", "precompute", "predictions", "publishing", "ops");
    static final LocalDate DATE = LocalDate.of(2024, 1, 15);

    private final SimpleCatalog root = new SimpleCatalog("bigquery");
    private final Map<String, SimpleCatalog> datasets = new LinkedHashMap<>();
    private final Map<String, List<Column>> tables = new LinkedHashMap<>();
    private final Map<String, List<WriterResult>> results = new LinkedHashMap<>();
    private final List<Analysis> analyses = new ArrayList<>();
    private final BigQueryAnalyzer analyzer = new BigQueryAnalyzer(root);

    /** A writer of an output table and its result columns as the analyzer resolved them; null when it failed. */
    public record WriterResult(SqlStatement writer, List<Column> columns) {
    }

    /** A statement and what the analyzer said: null when it passed. */
    public record Analysis(SqlStatement statement, String failure) {
        public boolean passed() {
            return failure == null;
        }
    }

    private DeclaredWarehouse() {
        root.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(BigQueryAnalyzer.language()));
        DATASETS.forEach(d -> datasets.put(d, root.addNewSimpleCatalog(d)));
    }

    /** Declared tables and functions, then each processor's writer in {@code catalog}'s dependency order. */
    public static DeclaredWarehouse build(Catalog catalog, ModelFiles models) {
        DeclaredWarehouse w = new DeclaredWarehouse();
        PartitionedTable.rawTables().forEach(w::addDeclared);
        w.addDeclared(PartitionedTable.ledger());
        Map<String, StandardSQLTypeName> lease = new LinkedHashMap<>();
        LeaseStatements.COLUMNS.forEach((column, type) -> lease.put(column, StandardSQLTypeName.valueOf(type)));
        w.addTable("ops", "coordinator_lease", lease);
        PartitionedTable.lineage().forEach(w::addDeclared);
        PartitionedTable.outputTables().forEach(w::addDeclared);
        for (String sql : PortableFunctions.statements()) {
            w.addFunction(SqlStatement.of(StatementKind.PORTABLE_FUNCTION,
                    PortableFunctions.SOURCE + " " + functionName(sql), sql));
        }
        for (ProcessorDeclaration d : catalog.dependencyOrder()) {
            for (SqlStatement writer : writers(d, models)) {
                w.results.computeIfAbsent(d.table(), t -> new ArrayList<>())
                        .add(new WriterResult(writer, w.resultColumns(writer)));
            }
        }
        return w;
    }

    /**
     * The statements that write {@code d}'s table: its SQL model, else the SQL its Java processor writes with. A
     * processor that is neither fails the build, so a new Java processor is declared here with its SQL.
     */
    static List<SqlStatement> writers(ProcessorDeclaration d, ModelFiles models) {
        if (models.models().containsKey(d.name())) {
            return List.of(SqlStatement.of(StatementKind.MODEL, models.source(models.models().get(d.name())),
                    ModelFiles.text(models.models().get(d.name())), "game_date", DATE));
        }
        if (d.name().equals("player_prop_predictions")) {
            return List.of(MlStatements.writeWithoutModel(), MlStatements.writeWithScores());
        }
        if (d.phase() == 6) {
            return List.of(SqlStatement.of(StatementKind.JAVA_WRITER,
                    "services/publishing ExportManifest.ROW_SQL (" + d.name() + ")", ExportManifest.ROW_SQL,
                    "game_date", DATE, "object_path", "exports/" + d.name() + "/2024-01-15.json", "record_count", 12L,
                    "bytes", 3456L, "sha256", "ab12"));
        }
        throw new IllegalStateException(d.name() + " has no models/" + d.name() + ".sql and no Java writer known to"
                + " DeclaredWarehouse.writers: declare the SQL its processor writes " + d.table() + " with");
    }

    private void addDeclared(PartitionedTable table) {
        Map<String, StandardSQLTypeName> columns = new LinkedHashMap<>();
        for (Field f : table.schema().getFields()) {
            columns.put(f.getName(), f.getType().getStandardType());
        }
        addTable(table.dataset(), table.table(), columns);
    }

    private void addTable(String dataset, String name, Map<String, StandardSQLTypeName> columns) {
        SimpleTable table = new SimpleTable(name);
        table.setFullName(dataset + "." + name);
        List<Column> cols = new ArrayList<>();
        columns.forEach((column, type) -> {
            table.addSimpleColumn(column, BigQueryAnalyzer.type(type));
            cols.add(new Column(column, type.name()));
        });
        datasets.get(dataset).addSimpleTable(table);
        tables.put(dataset + "." + name, List.copyOf(cols));
    }

    private void addFunction(SqlStatement statement) {
        ResolvedStatement resolved = record(statement);
        if (resolved instanceof ResolvedCreateFunctionStmt f) {
            List<String> path = f.getNamePath();
            List<FunctionArgumentType> arguments = new ArrayList<>();
            // a templated argument (ANY TYPE, as ops.row_hash40's) has a kind and no type
            f.getSignature().getFunctionArgumentList().forEach(a -> arguments.add(a.getType() == null
                    ? new FunctionArgumentType(a.getKind()) : new FunctionArgumentType(a.getType())));
            FunctionSignature signature = new FunctionSignature(new FunctionArgumentType(f.getReturnType()), arguments, -1);
            datasets.get(path.get(0)).addFunction(new Function(path.get(path.size() - 1), "ops", Mode.SCALAR,
                    List.of(signature)));
        } else if (resolved instanceof ResolvedCreateTableFunctionStmt f) {
            // a table function (ops.score_rows): its arguments as declared, its rows the columns its query gives
            List<String> path = f.getNamePath();
            List<TVFRelation.Column> columns = new ArrayList<>();
            f.getOutputColumnList().forEach(c -> columns.add(TVFRelation.Column.create(c.getName(), c.getColumn().getType())));
            List<FunctionArgumentType> arguments = new ArrayList<>();
            f.getSignature().getFunctionArgumentList().forEach(a -> arguments.add(new FunctionArgumentType(a.getType())));
            TVFRelation rows = TVFRelation.createColumnBased(columns);
            // the analyzer reads a fixed schema's columns from its result type's options, not from the function
            FunctionSignature signature = new FunctionSignature(new FunctionArgumentType(
                    SignatureArgumentKind.ARG_TYPE_RELATION, FunctionArgumentType.FunctionArgumentTypeOptions.builder()
                            .setRelationInputSchema(rows).build(), -1), arguments, -1);
            datasets.get(path.get(0)).addTableValuedFunction(new TableValuedFunction.FixedOutputSchemaTVF(
                    ImmutableList.copyOf(path), signature, rows));
            // the client reads an analyzed call back by its full name, from the root catalog only
            root.addTableValuedFunction(new TableValuedFunction.FixedOutputSchemaTVF(
                    ImmutableList.of(String.join(".", path)), signature, rows));
        }
    }

    /**
     * The result columns of {@code writer}, analyzed and recorded, with their BigQuery type names; null when the
     * analyzer refuses it or it is not a query.
     */
    public List<Column> resultColumns(SqlStatement writer) {
        if (!(record(writer) instanceof ResolvedQueryStmt query)) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        for (ResolvedOutputColumn c : query.getOutputColumnList()) {
            columns.add(new Column(c.getName(), bigQueryType(c.getColumn().getType()).name()));
        }
        return List.copyOf(columns);
    }

    private ResolvedStatement record(SqlStatement statement) {
        try {
            ResolvedStatement resolved;
            if (statement.kind() == StatementKind.BATCH) {
                List<ResolvedStatement> all = analyzer.analyzeAll(statement);
                resolved = all.isEmpty() ? null : all.get(all.size() - 1);
            } else {
                resolved = analyzer.analyze(statement);
            }
            analyses.add(new Analysis(statement, null));
            return resolved;
        } catch (AnalysisFailure e) {
            analyses.add(new Analysis(statement, e.analyzerMessage()));
            return null;
        }
    }

    /** Analyzes a statement against this warehouse and keeps the outcome. */
    public Analysis analyze(SqlStatement statement) {
        record(statement);
        return analyses.get(analyses.size() - 1);
    }

    /** Every statement analyzed so far, in order, with its outcome. */
    public List<Analysis> analyses() {
        return List.copyOf(analyses);
    }

    /** Every table of the catalog, {@code dataset.table}, with its declared columns and BigQuery type names. */
    public Map<String, List<Column>> tables() {
        return Map.copyOf(tables);
    }

    /** Each output table's writers, in the catalog's dependency order, with their analyzed result columns. */
    public Map<String, List<WriterResult>> results() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    public BigQueryAnalyzer analyzer() {
        return analyzer;
    }

    private static StandardSQLTypeName bigQueryType(Type type) {
        return switch (type.getKind()) {
            case TYPE_BOOL -> StandardSQLTypeName.BOOL;
            case TYPE_INT64 -> StandardSQLTypeName.INT64;
            case TYPE_DOUBLE -> StandardSQLTypeName.FLOAT64;
            case TYPE_NUMERIC -> StandardSQLTypeName.NUMERIC;
            case TYPE_BIGNUMERIC -> StandardSQLTypeName.BIGNUMERIC;
            case TYPE_STRING -> StandardSQLTypeName.STRING;
            case TYPE_BYTES -> StandardSQLTypeName.BYTES;
            case TYPE_DATE -> StandardSQLTypeName.DATE;
            case TYPE_DATETIME -> StandardSQLTypeName.DATETIME;
            case TYPE_TIME -> StandardSQLTypeName.TIME;
            case TYPE_TIMESTAMP -> StandardSQLTypeName.TIMESTAMP;
            default -> throw new IllegalArgumentException("an output column of type " + type
                    + ": output tables are flat, scalar columns only (SQL-DIALECT.md)");
        };
    }

    private static String functionName(String createFunction) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("FUNCTION\\s+([a-z_.0-9]+)").matcher(createFunction);
        return m.find() ? m.group(1) : createFunction.lines().findFirst().orElse("");
    }
}
