package fullcourt.local.pipeline;

import fullcourt.engine.processor.RetryableFailure;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Faults a test sets on the test pipeline: failing dates and slow dates, per processor. */
public final class Faults {

    private static final Map<String, Set<LocalDate>> FAILING = new ConcurrentHashMap<>();
    private static final Map<String, Map<LocalDate, Duration>> SLOW = new ConcurrentHashMap<>();
    private static final Map<String, String> MESSAGES = new ConcurrentHashMap<>();
    private static final Map<String, Set<LocalDate>> EMPTY = new ConcurrentHashMap<>();

    private Faults() {
    }

    public static void fail(String processor, Set<LocalDate> dates) {
        FAILING.put(processor, Set.copyOf(dates));
    }

    /** Fails the processor on these dates with an error whose text ends with {@code message}. */
    public static void fail(String processor, Set<LocalDate> dates, String message) {
        MESSAGES.put(processor, message);
        fail(processor, dates);
    }

    /** The processor succeeds on these dates writing 0 rows, as a filter gone wrong would. */
    public static void empty(String processor, Set<LocalDate> dates) {
        EMPTY.put(processor, Set.copyOf(dates));
    }

    static boolean empty(String processor, LocalDate date) {
        return EMPTY.getOrDefault(processor, Set.of()).contains(date);
    }

    public static void slow(String processor, Map<LocalDate, Duration> dates) {
        SLOW.put(processor, Map.copyOf(dates));
    }

    public static void slowEveryDate(String processor, LocalDate from, LocalDate to, Duration delay) {
        Map<LocalDate, Duration> dates = new java.util.HashMap<>();
        from.datesUntil(to.plusDays(1)).forEach(d -> dates.put(d, delay));
        slow(processor, dates);
    }

    private static final Map<String, Set<LocalDate>> HELD = new ConcurrentHashMap<>();
    private static volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

    /** Holds the processor on these dates, as a query that does not return, until {@link #release()}. */
    public static void hold(String processor, Set<LocalDate> dates) {
        gate = new java.util.concurrent.CountDownLatch(1);
        HELD.put(processor, Set.copyOf(dates));
    }

    public static void release() {
        gate.countDown();
    }

    public static void clear() {
        FAILING.clear();
        MESSAGES.clear();
        EMPTY.clear();
        SLOW.clear();
        HELD.clear();
        release();
    }

    /** Applied by each test processor before its query. */
    static void apply(String processor, LocalDate date) throws InterruptedException {
        if (HELD.getOrDefault(processor, Set.of()).contains(date)) {
            gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        Duration delay = SLOW.getOrDefault(processor, Map.of()).get(date);
        if (delay != null) {
            // simulated slow work (a long query), not synchronisation
            Thread.sleep(delay.toMillis());
        }
        if (FAILING.getOrDefault(processor, Set.of()).contains(date)) {
            String message = MESSAGES.get(processor);
            throw new RetryableFailure("injected failure of " + processor + " on " + date
                    + (message == null ? "" : ": " + message));
        }
    }
}
