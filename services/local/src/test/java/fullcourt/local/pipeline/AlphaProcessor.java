package fullcourt.local.pipeline;

import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Phase 3 of the test pipeline: three rows per date, n = 0, 1, 2. */
@ApplicationScoped
public class AlphaProcessor implements Processor {

    @Override
    public String name() {
        return "alpha";
    }

    @Override
    public Outcome process(TaskContext task) throws Exception {
        Faults.apply(name(), task.date());
        long rows = task.warehouse().replacePartition("analytics.alpha", "game_date", task.date(),
                "SELECT CAST(@d AS DATE) AS game_date, CAST(i AS BIGINT) AS n FROM range(3) AS t(i)",
                Map.of("d", task.date()), task.cancellation());
        return Outcome.written(rows);
    }
}
