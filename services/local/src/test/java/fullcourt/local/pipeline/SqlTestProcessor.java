package fullcourt.local.pipeline;

import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import java.util.Map;

/** A test processor: applies the test's faults, then replaces its partition with one query. */
record SqlTestProcessor(String name, String table, String sql) implements Processor {

    @Override
    public Outcome process(TaskContext task) throws Exception {
        Faults.apply(name, task.date());
        // an emptied date keeps the query's columns and writes none of its rows
        String query = Faults.empty(name, task.date()) ? "SELECT * FROM (" + sql + ") AS q WHERE FALSE" : sql;
        long rows = task.warehouse().replacePartition(table, "game_date", task.date(), query,
                Map.of("d", task.date(), "from", task.date().minusDays(2)), task.cancellation());
        return Outcome.written(rows);
    }
}
