package fullcourt.local.pipeline;

import fullcourt.engine.processor.Processor;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The three-phase test pipeline of test-catalog.json: alpha (phase 3) writes three rows per date;
 * beta (phase 4) sums alpha over the date and the two before it; gamma (phase 5) doubles beta.
 * Only there when the test catalog is (a service must implement exactly its catalog).
 */
@IfBuildProperty(name = "fullcourt.catalog", stringValue = "classpath:test-catalog.json")
public class TestPipeline {

    @Produces
    @Singleton
    Processor alpha() {
        return new SqlTestProcessor("alpha", "analytics.alpha",
                "SELECT CAST(@d AS DATE) AS game_date, CAST(i AS BIGINT) AS n FROM range(3) AS t(i)");
    }

    @Produces
    @Singleton
    Processor beta() {
        return new SqlTestProcessor("beta", "precompute.beta",
                "SELECT CAST(@d AS DATE) AS game_date, COUNT(*) AS window_rows, COALESCE(SUM(n), 0) AS window_sum"
                        + " FROM analytics.alpha WHERE game_date BETWEEN @from AND @d");
    }

    @Produces
    @Singleton
    Processor gamma() {
        return new SqlTestProcessor("gamma", "predictions.gamma",
                "SELECT game_date, window_rows * 2 AS doubled FROM precompute.beta WHERE game_date = @d");
    }
}
