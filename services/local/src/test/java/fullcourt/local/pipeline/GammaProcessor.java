package fullcourt.local.pipeline;

import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Phase 5 of the test pipeline: beta's window row count doubled. */
@ApplicationScoped
public class GammaProcessor implements Processor {

    @Override
    public String name() {
        return "gamma";
    }

    @Override
    public Outcome process(TaskContext task) throws Exception {
        Faults.apply(name(), task.date());
        long rows = task.warehouse().replacePartition("predictions.gamma", "game_date", task.date(),
                "SELECT game_date, window_rows * 2 AS doubled FROM precompute.beta WHERE game_date = @d",
                Map.of("d", task.date()), task.cancellation());
        return Outcome.written(rows);
    }
}
