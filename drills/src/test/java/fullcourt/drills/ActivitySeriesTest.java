package fullcourt.drills;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActivitySeriesTest {

    private final ActivitySeries series = new ActivitySeries();

    /** One /activity answer with samples "second,inFlight,limit,low,high" (configured 16). */
    private void answer(String... samples) throws Exception {
        StringBuilder body = new StringBuilder("{\"intervalMillis\": 1000, \"samples\": [");
        for (int i = 0; i < samples.length; i++) {
            String[] v = samples[i].split(",");
            body.append(i == 0 ? "" : ", ").append("{\"at\": \"2026-12-05T07:00:").append(v[0])
                    .append("Z\", \"tasksPerSecond\": {}, \"inFlight\": ").append(v[1]).append(", \"limit\": ")
                    .append(v[2]).append(", \"limitLow\": ").append(v[3]).append(", \"limitHigh\": ").append(v[4])
                    .append(", \"configured\": 16}");
        }
        series.add(body.append("]}").toString());
    }

    @Test
    void aSawtoothFallsRisesAndKeepsInFlightWithinWhatWasSent() throws Exception {
        // 16 in flight at 16; at :01 a quota error halves it to 8 while 16 are still in flight; as they end (5
        // successes a step) it climbs to 10 with 9 in flight; at :03 it falls again (12 -> 6) and is back at 7
        answer("00,16,16,16,16", "01,16,8,8,16");
        assertThat(series.nextPath()).isEqualTo("/activity?after=2026-12-05T07%3A00%3A01Z");
        answer("02,9,10,8,10", "03,10,7,6,12");

        assertThat(series.points()).hasSize(4);
        // falls at :01 (8 < 16) and :03 (6 < 10); rises at :02 (10 > 8) and :03 (7 > 6)
        assertThat(series.falls()).isEqualTo(2);
        assertThat(series.rises()).isEqualTo(2);
        assertThat(series.roseAfterAFall()).isTrue();
        assertThat(series.lowest()).isEqualTo(6);
        assertThat(series.highest()).isEqualTo(16);
        assertThat(series.mostInFlight()).isEqualTo(16);
        // :01 has 16 in flight over a limit of 8: sent before the fall (16 the sample before); :03 has 10 in flight
        // over 7, but the limit was up to 12 in between: sent then
        assertThat(series.overLimit()).isEmpty();
        assertThat(series.render()).isEqualTo("16/16 8/16 (8)10/9 (6)7/10");
    }

    @Test
    void aFallWithoutARecoveryIsNoSawtooth() throws Exception {
        answer("00,16,16,16,16", "01,16,8,8,16", "02,8,8,8,8");
        assertThat(series.falls()).isEqualTo(1);
        assertThat(series.rises()).isZero();
        assertThat(series.roseAfterAFall()).isFalse();
    }

    @Test
    void moreInFlightThanTheLimitAllowedAndThanWasSentBeforeIsNamed() throws Exception {
        // at :02, 12 in flight: the limit was at most 9 since :01, and only 8 were in flight then
        answer("00,8,8,8,16", "01,8,8,8,8", "02,12,9,8,9");
        assertThat(series.overLimit()).containsExactly(
                "2026-12-05T07:00:02Z: 12 in flight, limit 9 (highest 9), 8 in flight the sample before");
    }
}
