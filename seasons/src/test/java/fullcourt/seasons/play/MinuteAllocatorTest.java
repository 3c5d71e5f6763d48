package fullcourt.seasons.play;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MinuteAllocatorTest {

    @Test
    void sharesFollowTheWeightsAndSumExactly() {
        // 960 quarter-minutes = 240 minutes; weights 3:1 give 720 and 240
        assertThat(MinuteAllocator.allocate(new double[] {3, 1}, 960, 960)).containsExactly(720, 240);
        int[] units = MinuteAllocator.allocate(new double[] {34.5, 33, 31, 29, 28, 24, 22, 19, 16, 12, 0, 0}, 960, 184);
        assertThat(Arrays.stream(units).sum()).isEqualTo(960);
        assertThat(units[10]).isZero();
        assertThat(units[0]).isGreaterThan(units[9]);
    }

    @Test
    void nobodyExceedsTheCapAndTheRestAbsorbsIt() {
        // overtime: 100 units (25 minutes), at most 20 (5 minutes) each; one dominant weight is capped
        int[] units = MinuteAllocator.allocate(new double[] {1000, 10, 10, 10, 10, 10}, 100, 20);
        assertThat(units[0]).isEqualTo(20);
        assertThat(Arrays.stream(units).sum()).isEqualTo(100);
        assertThat(Arrays.stream(units).boxed().toList()).allSatisfy(u -> assertThat(u).isBetween(1, 20));
    }

    @Test
    void everyPlayerWithAWeightGetsAtLeastOneUnit() {
        int[] units = MinuteAllocator.allocate(new double[] {100, 100, 100, 100, 100, 0.001}, 960, 960);
        assertThat(units[5]).isEqualTo(1);
        assertThat(Arrays.stream(units).sum()).isEqualTo(960);
    }
}
