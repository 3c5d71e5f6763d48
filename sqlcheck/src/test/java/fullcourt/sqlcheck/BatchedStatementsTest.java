package fullcourt.sqlcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedBeginStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCommitStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedInsertStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import fullcourt.engine.lineage.LineageStatements;
import fullcourt.engine.warehouse.WriteBracket;
import fullcourt.engine.warehouse.bigquery.Batches;
import fullcourt.sqlcheck.BigQueryAnalyzer.AnalysisFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the BigQuery adapter sends for a statement run once per parameter set ({@code BatchQueries}): a single-row
 * INSERT becomes one multi-row INSERT, anything else a {@code BEGIN TRANSACTION; ...; COMMIT TRANSACTION;} script, and
 * the analyzer reads either as sent, every statement and every row of it. The statements here: the lineage store's
 * {@code INSERT_VERSION} (sent by {@code registerVersions}), and, for scripts, which no service sends to BigQuery now
 * (a write's lineage rows are appended through the Storage Write API), an {@code INSERT ... SELECT} into the same table.
 */
class BatchedStatementsTest {

    private static final Instant AT = Instant.parse("2024-01-15T12:00:00Z");
    /** Not a single-row INSERT: a batch of it is a script. */
    private static final String INSERT_SELECT = "INSERT INTO ops.processor_versions (processor, version, registered_at)"
            + " SELECT @processor, @version, CAST(@registered_at AS TIMESTAMP)";

    /**
     * The services' classes that run statements once per parameter set, and where their batched forms are analyzed.
     * The warehouse adapters themselves (engine's warehouse package) only pass such statements on.
     */
    private static final Map<String, String> BATCH_SENDERS = Map.of(
            "LineageStore.java", "LineageStatements.writes: registerVersions as batched; a write's bracket as the"
                    + " adapter sends it (rows appended, the fingerprint SELECT analyzed; a statement that did not know"
                    + " its rows would be analyzed batched)",
            "TaskLedger.java", "none: its updateBatch runs on DuckDB only; on BigQuery the ledger appends through the"
                    + " Storage Write API (LedgerStatements)");
    private static final Pattern SENDS_A_BATCH = Pattern.compile(
            "updateBatch\\(|new WriteBracket\\.Statement\\(|WriteBracket\\.Statement\\.(of|returning|insert)\\(");

    @Test
    void everyClassThatSendsABatchIsOneWhoseBatchesAreAnalyzed() throws IOException {
        Path services = ModelFiles.repository().resolve("services");
        List<String> senders;
        try (Stream<Path> files = Files.walk(services)) {
            senders = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                            && !f.toString().contains("/fullcourt/engine/warehouse/"))
                    .filter(f -> SENDS_A_BATCH.matcher(ModelFiles.text(f)).find())
                    .map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(senders).as("classes sending statements once per parameter set: analyze each one's batched form"
                + " (LineageStatements.writes is an example) and add it to BATCH_SENDERS")
                .containsExactlyInAnyOrderElementsOf(BATCH_SENDERS.keySet());
    }

    @Test
    void aBatchOfSingleRowInsertsIsOneInsertWithARowPerSetItsParametersRenamed() {
        SqlStatement batch = single(Batches.of("versions", versions()));

        assertThat(batch.sql()).doesNotContain("BEGIN").contains("@p0_version", "@p1_version", "@p2_version");
        List<ResolvedStatement> resolved = Analyzed.warehouse().analyzer().analyzeAll(batch);
        assertThat(resolved).singleElement().isInstanceOf(ResolvedInsertStmt.class);
        assertThat(((ResolvedInsertStmt) resolved.get(0)).getRowList()).hasSize(3);
    }

    @Test
    void aBatchOfAnyOtherStatementIsAScriptTheAnalyzerReadsStatementByStatementToItsEnd() {
        SqlStatement batch = single(Batches.of("insert select", script(2)));

        assertThat(batch.sql()).startsWith("BEGIN TRANSACTION;").endsWith("COMMIT TRANSACTION;");
        List<ResolvedStatement> resolved = Analyzed.warehouse().analyzer().analyzeAll(batch);
        // the split is the analyzer's parser's, over the text as sent: BEGIN, one INSERT per set, COMMIT, nothing left
        assertThat(resolved).hasSize(4);
        assertThat(resolved.get(0)).isInstanceOf(ResolvedBeginStmt.class);
        assertThat(resolved.subList(1, 3)).allSatisfy(s -> assertThat(s).isInstanceOf(ResolvedInsertStmt.class));
        assertThat(resolved.get(3)).isInstanceOf(ResolvedCommitStmt.class);
    }

    @Test
    void aMultiRowInsertWithATypeErrorInOneRowIsRefused() {
        WriteBracket.Statement versions = versions();
        Map<String, Object> wrong = new HashMap<>(versions.paramSets().get(1));
        wrong.put("version", 42L);
        SqlStatement batch = single(Batches.of("versions, an INT64 version in the second row",
                new WriteBracket.Statement(versions.sql(), List.of(versions.paramSets().get(0), wrong,
                        versions.paramSets().get(2)))));

        assertThat(Analyzed.warehouse().analyze(batch).failure()).isNotNull().contains("INT64").contains("version");
        assertThat(Analyzed.warehouse().analyze(single(Batches.of("versions", versions))).passed()).isTrue();
    }

    @Test
    void aScriptWithATypeErrorInALaterStatementIsRefused() {
        WriteBracket.Statement script = script(2);
        Map<String, Object> wrong = new HashMap<>(script.paramSets().get(1));
        wrong.put("version", 1_705_320_000L);
        SqlStatement batch = single(Batches.of("insert select, an INT64 version in the second set",
                new WriteBracket.Statement(script.sql(), List.of(script.paramSets().get(0), wrong))));

        assertThatThrownBy(() -> Analyzed.warehouse().analyzer().analyzeAll(batch))
                .isInstanceOf(AnalysisFailure.class)
                .hasMessageContaining("statement 3 of the text")
                .hasMessageContaining("INT64");
        assertThat(Analyzed.warehouse().analyze(batch).passed()).isFalse();
        assertThat(Analyzed.warehouse().analyze(single(Batches.of("insert select", script))).passed()).isTrue();
    }

    @Test
    void aScriptWithADuckDbOnlyConstructIsRefused() {
        WriteBracket.Statement script = script(1);
        SqlStatement batch = single(Batches.of("insert select, a DuckDB cast", new WriteBracket.Statement(
                script.sql().replace("CAST(@registered_at AS TIMESTAMP)", "@registered_at::TIMESTAMP"),
                script.paramSets())));

        assertThat(batch.sql()).contains("::TIMESTAMP");
        assertThat(Analyzed.warehouse().analyze(batch).failure()).isNotNull();
    }

    /** What {@code registerVersions} sends for three processors: one batch of single-row INSERTs. */
    private static WriteBracket.Statement versions() {
        Map<String, String> versions = new java.util.LinkedHashMap<>();
        for (String p : List.of("player_game_summary", "team_offense_game_summary", "player_prop_predictions")) {
            versions.put(p, "sql-0123456789ab");
        }
        return LineageStatements.registerVersions(versions, AT);
    }

    /** {@link #INSERT_SELECT} with {@code sets} parameter sets, as one batch. */
    private static WriteBracket.Statement script(int sets) {
        List<Map<String, Object>> params = new java.util.ArrayList<>();
        for (int i = 0; i < sets; i++) {
            params.add(Map.of("processor", "p" + i, "version", "sql-0123456789ab", "registered_at", Timestamp.from(AT)));
        }
        return new WriteBracket.Statement(INSERT_SELECT, params);
    }

    private static SqlStatement single(List<SqlStatement> jobs) {
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }
}
