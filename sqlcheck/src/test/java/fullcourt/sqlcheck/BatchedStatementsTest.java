package fullcourt.sqlcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedBeginStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCommitStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedInsertStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import fullcourt.engine.lineage.InputSpan;
import fullcourt.engine.lineage.LineageStore;
import fullcourt.engine.warehouse.WriteBracket;
import fullcourt.engine.warehouse.bigquery.Batches;
import fullcourt.sqlcheck.BigQueryAnalyzer.AnalysisFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the BigQuery adapter sends for a statement run once per parameter set ({@code BatchQueries}): a single-row
 * INSERT becomes one multi-row INSERT, anything else a {@code BEGIN TRANSACTION; ...; COMMIT TRANSACTION;} script, and
 * the analyzer reads either as sent, every statement and every row of it.
 */
class BatchedStatementsTest {

    private static final LocalDate DATE = LocalDate.of(2024, 1, 15);
    private static final Instant AT = Instant.parse("2024-01-15T12:00:00Z");
    private static final String TABLE = "analytics.player_game_summary";

    /**
     * The services' classes that run statements once per parameter set, and where their batched forms are analyzed.
     * The warehouse adapters themselves (engine's warehouse package) only pass such statements on.
     */
    private static final Map<String, String> BATCH_SENDERS = Map.of(
            "LineageStore.java", "LineageStatements.batches",
            "TaskLedger.java", "none: its updateBatch runs on DuckDB only; on BigQuery the ledger appends through the"
                    + " Storage Write API (LedgerStatements)");
    private static final Pattern SENDS_A_BATCH = Pattern.compile(
            "updateBatch\\(|new WriteBracket\\.Statement\\(|WriteBracket\\.Statement\\.(of|returning)\\(");

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
                + " (LineageStatements.batches is an example) and add it to BATCH_SENDERS")
                .containsExactlyInAnyOrderElementsOf(BATCH_SENDERS.keySet());
    }

    @Test
    void aBatchOfSingleRowInsertsIsOneInsertWithARowPerSetItsParametersRenamed() {
        SqlStatement batch = single(Batches.of("reads", reads()));

        assertThat(batch.sql()).doesNotContain("BEGIN").contains("@p0_digest", "@p1_digest", "@p2_digest");
        List<ResolvedStatement> resolved = Analyzed.warehouse().analyzer().analyzeAll(batch);
        assertThat(resolved).singleElement().isInstanceOf(ResolvedInsertStmt.class);
        assertThat(((ResolvedInsertStmt) resolved.get(0)).getRowList()).hasSize(3);
    }

    @Test
    void aBatchOfAnyOtherStatementIsAScriptTheAnalyzerReadsStatementByStatementToItsEnd() {
        SqlStatement batch = single(Batches.of("written", written(2)));

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
        WriteBracket.Statement reads = reads();
        Map<String, Object> wrong = new HashMap<>(reads.paramSets().get(1));
        wrong.put("digest", 42L);
        SqlStatement batch = single(Batches.of("reads, an INT64 digest in the second row",
                new WriteBracket.Statement(reads.sql(), List.of(reads.paramSets().get(0), wrong,
                        reads.paramSets().get(2)))));

        assertThat(Analyzed.warehouse().analyze(batch).failure()).isNotNull().contains("INT64").contains("digest");
        assertThat(Analyzed.warehouse().analyze(single(Batches.of("reads", reads))).passed()).isTrue();
    }

    @Test
    void aScriptWithATypeErrorInALaterStatementIsRefused() {
        WriteBracket.Statement written = written(2);
        Map<String, Object> wrong = new HashMap<>(written.paramSets().get(1));
        wrong.put("recorded_at", 1_705_320_000L);
        SqlStatement batch = single(Batches.of("written, an INT64 recorded_at in the second set",
                new WriteBracket.Statement(written.sql(), List.of(written.paramSets().get(0), wrong))));

        assertThatThrownBy(() -> Analyzed.warehouse().analyzer().analyzeAll(batch))
                .isInstanceOf(AnalysisFailure.class)
                .hasMessageContaining("statement 3 of the text")
                .hasMessageContaining("INT64");
        assertThat(Analyzed.warehouse().analyze(batch).passed()).isFalse();
    }

    @Test
    void aScriptWithADuckDbOnlyConstructIsRefused() {
        WriteBracket.Statement written = written(1);
        SqlStatement batch = single(Batches.of("written, a DuckDB cast", new WriteBracket.Statement(
                written.sql().replace("CAST(f.row_count AS STRING)", "f.row_count::VARCHAR"), written.paramSets())));

        assertThat(batch.sql()).contains("::VARCHAR");
        assertThat(Analyzed.warehouse().analyze(batch).failure()).isNotNull();
    }

    private static WriteBracket.Statement reads() {
        Map<InputSpan, String> reads = new TreeMap<>();
        reads.put(new InputSpan("raw.player_box_scores", DATE, DATE), "d41d8cd9");
        reads.put(new InputSpan("raw.team_box_scores", DATE, DATE), "0cc175b9");
        reads.put(new InputSpan("analytics.player_game_summary", DATE.minusDays(9), DATE), "92eb5ffe");
        return LineageStore.beginning("w-1", "player_rolling_form", DATE, "sql-0123456789ab", "run-1", AT, reads)
                .get(0);
    }

    /** The {@code written} statement of {@code sets} writes of {@link #TABLE}, as one batch. */
    private static WriteBracket.Statement written(int sets) {
        var columns = Analyzed.warehouse().tables().get(TABLE);
        List<Map<String, Object>> params = new java.util.ArrayList<>();
        String sql = null;
        for (int i = 0; i < sets; i++) {
            WriteBracket.Statement one = LineageStore.written("w-" + i, "player_game_summary", DATE,
                    "sql-0123456789ab", "run-1", AT, TABLE, "game_date", columns);
            sql = one.sql();
            params.add(one.paramSets().get(0));
        }
        return new WriteBracket.Statement(sql, params);
    }

    private static SqlStatement single(List<SqlStatement> jobs) {
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }
}
