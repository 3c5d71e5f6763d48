package fullcourt.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WindowTest {

    @Test
    void parsesSameDate() {
        assertThat(Window.parse("same-date")).isEqualTo(Window.SAME_DATE);
    }

    @Test
    void parsesPreviousDatesIgnoringCaseAndSurroundingSpace() {
        assertThat(Window.parse(" Previous:10 ")).isEqualTo(new Window(Window.Kind.PREVIOUS, 10));
    }

    @Test
    void acceptsOneToFourHundredPreviousDates() {
        assertThat(Window.parse("previous:1").dates()).isEqualTo(1);
        assertThat(Window.parse("previous:400").dates()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 401, -1})
    void rejectsPreviousDatesOutsideOneToFourHundred(int dates) {
        assertThatThrownBy(() -> Window.parse("previous:" + dates))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window previous:N needs 1 <= N <= 400, got " + dates);
    }

    @ParameterizedTest
    @ValueSource(strings = {"last:3", "previous:", "previous:ten", "previous 3", "same date"})
    void rejectsOtherTextNamingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Window.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window: expected 'same-date', 'previous:N', 'season-to-date' or 'trailing-days:N', got '" + text + "'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingText(String text) {
        assertThatThrownBy(() -> Window.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window: expected 'same-date', 'previous:N', 'season-to-date' or 'trailing-days:N', got '" + text + "'");
    }

    @Test
    void parsesTrailingDaysUpToAThousand() {
        assertThat(Window.parse("trailing-days:365")).isEqualTo(Window.trailingDays(365));
        assertThatThrownBy(() -> Window.parse("trailing-days:1001"))
                .hasMessage("window trailing-days:N needs 1 <= N <= 1000, got 1001");
        assertThat(Window.trailingDays(365)).hasToString("trailing-days:365");
    }

    @Test
    void printsTheCatalogSpellingItParses() {
        assertThat(Window.SAME_DATE).hasToString("same-date");
        assertThat(Window.previous(10)).hasToString("previous:10");
        assertThat(Window.parse(Window.previous(10).toString())).isEqualTo(Window.previous(10));
    }
}
