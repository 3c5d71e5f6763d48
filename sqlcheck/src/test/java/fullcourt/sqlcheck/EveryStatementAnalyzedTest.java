package fullcourt.sqlcheck;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CatalogReader;
import fullcourt.sqlcheck.DeclaredWarehouse.Analysis;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every statement the BigQuery adapter can send, analyzed by ZetaSQL (BigQuery's SQL front end) in BigQuery's product
 * mode, parameters declared with the types the adapter binds, against {@link DeclaredWarehouse}: the declared raw, ops
 * and output schemas and the portable {@code ops.*} functions. Statements run once per parameter set are analyzed as
 * the adapter batches them into jobs (multi-row INSERTs and {@code BEGIN TRANSACTION} scripts, {@link
 * StatementKind#BATCH}). A failure names the statement's source and the analyzer's message.
 */
class EveryStatementAnalyzedTest {

    /** Statements known to fail on BigQuery's analyzer, source -> why; each is a bug to fix. */
    static final Map<String, String> KNOWN_FAILURES = Map.of();

    @Test
    void everyStatementTheBigQueryAdapterCanSendPassesBigQuerysAnalyzer() {
        Catalog catalog = CatalogReader.read("classpath:fullcourt-catalog.json");
        ModelFiles models = ModelFiles.scan(ModelFiles.repository());
        DeclaredWarehouse warehouse = DeclaredWarehouse.build(catalog, models);
        AdapterStatements.all(catalog, models, warehouse.tables()).forEach(warehouse::analyze);

        List<Analysis> analyses = warehouse.analyses();
        Map<StatementKind, Long> counts = new EnumMap<>(StatementKind.class);
        analyses.forEach(a -> counts.merge(a.statement().kind(), 1L, Long::sum));
        System.out.println("Analyzed " + analyses.size() + " statements with BigQuery's analyzer: " + counts);

        List<String> failures = analyses.stream()
                .filter(a -> !a.passed() && !KNOWN_FAILURES.containsKey(a.statement().source()))
                .map(a -> a.statement().kind() + " " + a.statement().source() + ":\n    " + a.failure())
                .toList();
        assertThat(failures).as("statements BigQuery's analyzer refuses").isEmpty();
        assertThat(counts.keySet()).as("every kind of statement is analyzed").containsAll(List.of(StatementKind.values()));
        assertThat(models.models().keySet()).allSatisfy(m -> assertThat(analyses).anyMatch(
                a -> a.statement().kind() == StatementKind.MODEL && a.statement().source().endsWith("/" + m + ".sql")));
        List<String> stale = KNOWN_FAILURES.keySet().stream()
                .filter(s -> analyses.stream().anyMatch(a -> a.statement().source().equals(s) && a.passed()))
                .collect(Collectors.toList());
        assertThat(stale).as("known failures that pass now: remove them from KNOWN_FAILURES").isEmpty();
    }
}
