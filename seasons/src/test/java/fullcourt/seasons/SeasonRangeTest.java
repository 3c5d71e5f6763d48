package fullcourt.seasons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeasonRangeTest {

    @Test
    void aRangeListsEverySeasonOldestFirst() {
        assertThat(SeasonRange.parse("2021-22..2024-25")).extracting(Season::label)
                .containsExactly("2021-22", "2022-23", "2023-24", "2024-25");
    }

    @Test
    void oneSeasonIsARangeOfOne() {
        assertThat(SeasonRange.parse(" 2022-23 ")).extracting(Season::label).containsExactly("2022-23");
        assertThat(SeasonRange.parse("2023-24..2023-24")).extracting(Season::label).containsExactly("2023-24");
    }

    @Test
    void badInputNamesTheExpectedForm() {
        assertThatThrownBy(() -> SeasonRange.parse("2021..2024"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2021-22..2024-25").hasMessageContaining("'2021..2024'");
        assertThatThrownBy(() -> SeasonRange.parse("2024-25..2021-22")).hasMessageContaining("backwards");
        assertThatThrownBy(() -> SeasonRange.parse("")).hasMessageContaining("got nothing");
        assertThatThrownBy(() -> SeasonRange.parse("2021-22..")).hasMessageContaining("expected a season like 2022-23");
    }
}
