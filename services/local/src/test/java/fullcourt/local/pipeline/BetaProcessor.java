package fullcourt.local.pipeline;

import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Phase 4 of the test pipeline: alpha rows of the date and of the two dates before it. */
@ApplicationScoped
public class BetaProcessor implements Processor {

    @Override
    public String name() {
        return "beta";
    }

    @Override
    public Outcome process(TaskContext task) throws Exception {
        Faults.apply(name(), task.date());
        long rows = task.warehouse().replacePartition("precompute.beta", "game_date", task.date(),
                "SELECT CAST(@d AS DATE) AS game_date, COUNT(*) AS window_rows, COALESCE(SUM(n), 0) AS window_sum"
                        + " FROM analytics.alpha WHERE game_date BETWEEN @from AND @d",
                Map.of("d", task.date(), "from", task.date().minusDays(2)), task.cancellation());
        return Outcome.written(rows);
    }
}
