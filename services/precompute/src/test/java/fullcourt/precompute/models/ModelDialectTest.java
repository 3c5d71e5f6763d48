package fullcourt.precompute.models;

import fullcourt.engine.testing.models.ModelRunner;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.warehouse.DialectCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Phase 4 model stays inside the SQL subset DuckDB and BigQuery both run (warehouse/SQL-DIALECT.md). */
class ModelDialectTest {

    static Iterable<String> models() {
        return PrecomputeModels.PRECOMPUTE_MODELS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void modelStaysInsideThePortableDialect(String model) {
        assertThat(DialectCheck.violations(ModelRunner.modelSql(model))).isEmpty();
    }
}
