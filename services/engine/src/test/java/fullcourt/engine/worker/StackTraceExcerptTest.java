package fullcourt.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackTraceExcerptTest {

    private static StackTraceElement[] frames(int count) {
        StackTraceElement[] frames = new StackTraceElement[count];
        for (int i = 0; i < count; i++) {
            frames[i] = new StackTraceElement("fullcourt.Example", "method" + i, "Example.java", 10 + i);
        }
        return frames;
    }

    private static <T extends Throwable> T withFrames(T t, int count) {
        t.setStackTrace(frames(count));
        return t;
    }

    @Test
    void theExceptionLineThenItsFirstTenFramesThenHowManyMore() {
        NullPointerException npe = withFrames(new NullPointerException("line is null"), 25);

        String excerpt = StackTraceExcerpt.of(npe);

        // 25 frames: 10 shown, 25 - 10 = 15 counted
        assertThat(excerpt.lines().toList()).hasSize(1 + 10 + 1)
                .startsWith("java.lang.NullPointerException: line is null",
                        "\tat fullcourt.Example.method0(Example.java:10)")
                .contains("\tat fullcourt.Example.method9(Example.java:19)")
                .doesNotContain("\tat fullcourt.Example.method10(Example.java:20)")
                .endsWith("\t... 15 more");
    }

    @Test
    void eachCauseWithItsFirstThreeFrames() {
        IllegalStateException wrapped = withFrames(new IllegalStateException("no column x"), 5);
        RuntimeException top = withFrames(new RuntimeException("reading rows", wrapped), 2);

        assertThat(StackTraceExcerpt.of(top)).isEqualTo("""
                java.lang.RuntimeException: reading rows
                \tat fullcourt.Example.method0(Example.java:10)
                \tat fullcourt.Example.method1(Example.java:11)
                Caused by: java.lang.IllegalStateException: no column x
                \tat fullcourt.Example.method0(Example.java:10)
                \tat fullcourt.Example.method1(Example.java:11)
                \tat fullcourt.Example.method2(Example.java:12)
                \t... 2 more""");
    }

    @Test
    void aLongCauseChainIsCutAfterFiveCausesAndCounted() {
        Throwable t = withFrames(new RuntimeException("cause 8"), 1);
        for (int i = 7; i >= 0; i--) {
            t = withFrames(new RuntimeException("cause " + i, t), 1);
        }

        String excerpt = StackTraceExcerpt.of(t);

        // the top (0) and causes 1..5 are shown; 6, 7 and 8 are counted: 3 more
        assertThat(excerpt).contains("Caused by: java.lang.RuntimeException: cause 5")
                .doesNotContain("cause 6").endsWith("Caused by: ... (3 more causes)");
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException a = withFrames(new RuntimeException("a"), 1);
        RuntimeException b = withFrames(new RuntimeException("b", a), 1);
        a.initCause(b);

        assertThat(StackTraceExcerpt.of(b).lines().filter(l -> l.contains("RuntimeException"))).hasSize(2);
    }

    @Test
    void aHugeMessageDoesNotHideTheFramesAndTheWholeIsBounded() {
        String sql = "SELECT " + "x, ".repeat(10_000) + "y FROM t";
        Throwable t = withFrames(new IllegalArgumentException(sql), 200);
        for (int i = 0; i < 5; i++) {
            t = withFrames(new IllegalStateException(sql, t), 200);
        }

        String excerpt = StackTraceExcerpt.of(t);

        assertThat(excerpt.lines().findFirst().orElseThrow()).hasSize(StackTraceExcerpt.LINE_CHARS).endsWith("...");
        assertThat(excerpt).contains("\tat fullcourt.Example.method9(Example.java:19)");
        assertThat(excerpt).hasSizeLessThanOrEqualTo(StackTraceExcerpt.MAX_CHARS);
    }
}
