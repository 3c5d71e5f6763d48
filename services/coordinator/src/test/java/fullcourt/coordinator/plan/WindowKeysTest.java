package fullcourt.coordinator.plan;

import static fullcourt.coordinator.TestCatalogs.declare;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowKeysTest {

    private static final LocalDate JAN_2 = LocalDate.of(2022, 1, 2);
    private static final LocalDate JAN_3 = LocalDate.of(2022, 1, 3);
    private static final LocalDate JAN_4 = LocalDate.of(2022, 1, 4);
    private static final LocalDate JAN_5 = LocalDate.of(2022, 1, 5);

    // b and c read the same window of a; d reads a through two windows that overlap
    private final Catalog catalog = Catalog.of(List.of(
            declare("a", 3, 1),
            declare("b", 4, 1, new Upstream("a", Window.previous(2))),
            declare("c", 4, 1, new Upstream("a", Window.previous(2))),
            declare("d", 4, 1, new Upstream("a", Window.previous(2)), new Upstream("a", Window.trailingDays(3)))));
    private final List<TaskKey> run = List.of(new TaskKey("a", JAN_3), new TaskKey("a", JAN_4));

    @Test
    void overlappingWindowsOfOneUpstreamListEachPartitionOnceInDeclarationOrder() {
        WindowKeys keys = new WindowKeys(catalog, SeasonCalendar.EMPTY, run, k -> true);
        // previous:2 of Jan 5 is Jan 4, Jan 3 (latest first); trailing-days:3 adds Jan 2 (Jan 3 and 4 listed already)
        assertThat(keys.needs(new TaskKey("d", JAN_5)))
                .containsExactly(new TaskKey("a", JAN_4), new TaskKey("a", JAN_3), new TaskKey("a", JAN_2));
    }

    @Test
    void tasksReadingOneWindowShareOneListOfTheRunsOwnKeys() {
        WindowKeys keys = new WindowKeys(catalog, SeasonCalendar.EMPTY, run, k -> true);
        List<TaskKey> ofB = keys.needs(new TaskKey("b", JAN_5));
        assertThat(keys.needs(new TaskKey("c", JAN_5))).isSameAs(ofB);
        assertThat(ofB.get(0)).isSameAs(run.get(1));
        assertThat(ofB.get(1)).isSameAs(run.get(0));
    }

    @Test
    void aWindowFoundWhollyThereIsNotTestedAgainOneWithAGapIsUntilItIsFilled() {
        Set<TaskKey> there = new HashSet<>(run);
        List<TaskKey> tested = new ArrayList<>();
        WindowKeys keys = new WindowKeys(catalog, SeasonCalendar.EMPTY, run, k -> tested.add(k) && there.contains(k));

        assertThat(keys.allThere(new TaskKey("b", JAN_5))).isTrue();
        assertThat(keys.allThere(new TaskKey("c", JAN_5))).isTrue();
        assertThat(tested).hasSize(2); // a Jan 4 and Jan 3, once for both readers

        TaskKey b4 = new TaskKey("b", JAN_4); // reads a Jan 3 and Jan 2, and Jan 2 is not there
        assertThat(keys.allThere(b4)).isFalse();
        there.add(new TaskKey("a", JAN_2));
        assertThat(keys.allThere(b4)).isTrue();
    }
}
