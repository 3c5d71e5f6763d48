package fullcourt.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fullcourt.bench.capacity.SlotOccupancy.Interval;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotOccupancyTest {

    @Test
    void splitsTheSpanIntoRampFullDipsAndTail() {
        // limit 4. Second 0: one slot (0..1 s); seconds 1-2: four (1..3 s); second 3: two (3..4 s); second 4: four
        // (4..5 s); seconds 5-6: one (5..7 s)
        List<Interval> slots = new ArrayList<>();
        slots.add(new Interval(0, 1_000));
        for (int i = 0; i < 4; i++) {
            slots.add(new Interval(1_000, 3_000));
            slots.add(new Interval(4_000, 5_000));
        }
        slots.add(new Interval(3_000, 4_000));
        slots.add(new Interval(3_000, 4_000));
        slots.add(new Interval(5_000, 7_000));
        // slots held: 1 + 4 x 2 + 4 x 1 + 2 x 1 + 2 = 17 s; work 15.5 s over 12 tasks: 125 ms beyond the work per task
        SlotOccupancy o = SlotOccupancy.of(slots, 15_500, 4);
        assertThat(o.perSecond()).containsExactly(1, 4, 4, 2, 4, 1, 1);
        assertThat(o.firstFull()).isEqualTo(1);
        assertThat(o.fullSeconds()).isEqualTo(3);
        assertThat(o.dipSeconds()).isEqualTo(1);
        assertThat(o.endOfLastFull()).isEqualTo(5);
        assertThat(o.tailSeconds()).isEqualTo(2);
        assertThat(o.idleSlotSeconds(0, 1)).isEqualTo(3);
        assertThat(o.idleSlotSeconds(1, 5)).isEqualTo(2);
        assertThat(o.idleSlotSeconds(5, 7)).isEqualTo(6);
        assertThat(o.heldBeyondWorkMillisPerTask()).isCloseTo(125, within(1e-9));
    }

    @Test
    void aSlotHeldOverPartOfASecondCountsItsShare() {
        // 0.25 s of one slot in second 0, then 0.5 s in second 1: neither second full at limit 1
        SlotOccupancy o = SlotOccupancy.of(List.of(new Interval(0, 250), new Interval(1_000, 1_500)), 700, 1);
        assertThat(o.perSecond()).containsExactly(0.25, 0.5);
        assertThat(o.fullSeconds()).isZero();
        assertThat(o.tailSeconds()).isZero();
        assertThat(o.dipSeconds()).isZero();
    }
}
