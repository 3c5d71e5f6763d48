package fullcourt.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatedLedgerWriterTest {

    @Test
    void theLoopGoesOnUntilTheQueueIsFullThenWaitsForTheOldestWaitingBatchToStart() {
        // appends of 1 s, 2 may wait: at t = 0 the first starts at once, the next two wait (start 1 s, 2 s); the
        // fourth finds 2 waiting and holds the loop until the oldest of them starts, at 1 s; it starts at 3 s
        SimulatedLedgerWriter writer = new SimulatedLedgerWriter(1_000, 2);
        assertThat(writer.handOver(0)).isEqualTo(0);
        assertThat(writer.handOver(0)).isEqualTo(0);
        assertThat(writer.handOver(0)).isEqualTo(0);
        assertThat(writer.handOver(0)).isEqualTo(1_000);
        // at 2.5 s the batch starting at 2 s has started, the one at 3 s waits: room for one more
        assertThat(writer.handOver(2_500)).isEqualTo(2_500);
        assertThat(writer.batches()).isEqualTo(5);
        assertThat(writer.loopWaitedMillis()).isEqualTo(1_000);
    }

    @Test
    void aLoopThatWaitsOnEachAppendIsHeldUntilItsBatchIsWrittenAfterThoseBefore() {
        SimulatedLedgerWriter writer = new SimulatedLedgerWriter(1_000, 0);
        assertThat(writer.handOver(0)).isEqualTo(1_000);
        assertThat(writer.handOver(500)).isEqualTo(2_000);
        assertThat(writer.loopWaitedMillis()).isEqualTo(1_000 + 1_500);
    }

    @Test
    void appendAndWaitReturnsWhenTheBatchIsDurableBehindTheOnesHandedOverBefore() {
        // one batch handed over at 0 (written 0..2 s), then a waited one: written 2..4 s
        SimulatedLedgerWriter writer = new SimulatedLedgerWriter(2_000, 8);
        writer.handOver(0);
        assertThat(writer.appendAndWait(0)).isEqualTo(4_000);
        assertThat(writer.loopWaitedMillis()).isEqualTo(4_000);
    }

    @Test
    void instantAppendsNeverHoldTheLoop() {
        SimulatedLedgerWriter writer = SimulatedLedgerWriter.instant();
        for (int i = 0; i < 20; i++) {
            assertThat(writer.handOver(0)).isEqualTo(0);
        }
        assertThat(writer.loopWaitedMillis()).isZero();
    }
}
