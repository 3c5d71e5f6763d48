package fullcourt.engine.processor;

/**
 * Computes one output partition for one date. Implementations are CDI beans named after their
 * catalog entry; they throw {@link RetryableFailure} or {@link PermanentFailure} where they know
 * which one a failure is. Any other runtime exception is taken for a bug ({@link ProcessorBug}) and
 * not retried; a checked exception is retried.
 */
public interface Processor {

    /** The catalog name this implements. */
    String name();

    /** The version reported with each result: the catalog's, unless the implementation knows better (a SQL hash). */
    default String version(fullcourt.engine.catalog.ProcessorDeclaration declaration) {
        return declaration.version();
    }

    /** Writes the partition of {@code task.date()} (replacing it whole) or says why it skipped it. */
    Outcome process(TaskContext task) throws Exception;
}
