package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.local.pipeline.Faults;
import fullcourt.messages.BackfillRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium against a finished run of the test pipeline (alpha -> beta ->
 * gamma) with one DEAD task whose error carries markup: the grid shows exactly the coordinator's
 * states, which are those of the ledger; a click on the dead cell shows its attempts as the ledger
 * has them; the markup is shown as text, never run. The Freshness panel then shows what /stale judges.
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class DashboardBrowserTest extends PipelineTest {

    private static final String RUN = "e2e-dashboard";
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final Duration BROWSER_WAIT = Duration.ofSeconds(60);

    /** Each grid cell as "processor/date" -> state, read from the page's table. */
    private static final String READ_GRID = """
            var t = document.getElementById('grid');
            if (!t || !t.tHead || !t.tBodies.length) { return null; }
            var procs = Array.from(t.tHead.rows[0].cells).slice(1).map(function (th) { return th.getAttribute('data-processor'); });
            var out = [];
            Array.from(t.tBodies[0].rows).forEach(function (tr) {
              var date = tr.cells[0].textContent;
              Array.from(tr.cells).slice(1).forEach(function (td, i) {
                var m = /(?:^| )s-([A-Za-z]+)(?: |$)/.exec(td.className);
                out.push(procs[i] + '/' + date + '=' + (m ? m[1] : '?'));
              });
            });
            return out;
            """;

    /** Each Freshness cell as "processor/date" -> FRESH, a kind of staleness, or none (not judged). */
    private static final String READ_FRESH_GRID = READ_GRID.replace("'grid'", "'fresh-grid'")
            .replace("/(?:^| )s-([A-Za-z]+)(?: |$)/", "/(?:^| )[fks]-([A-Za-z_]+)(?: |$)/");

    /** Where the screenshots go; docs/ has copies of them for the README. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @Test
    void gridEqualsTheLedgerAndTheDeadCellShowsItsAttemptsWithItsErrorAsText() {
        String missing = HeadlessChromium.missing();
        if (missing != null) {
            fail(missing);
        }
        LocalDate from = LocalDate.of(2024, 4, 1);
        LocalDate to = LocalDate.of(2024, 4, 8);
        LocalDate bad = LocalDate.of(2024, 4, 5);
        Faults.fail("beta", Set.of(bad), HOSTILE);
        // upstreams allowed: beta's previous:2 window reads alpha of Mar 30 and 31, outside the run; pulled in (the
        // default) they would make the run 24 or 26 tasks depending on what the test warehouse kept from earlier runs
        driver.publishRequest(BackfillRequest.forRange(RUN, from, to).withPhases(List.of(3))
                .withUpstreams(BackfillRequest.Upstreams.ALLOW));

        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.driver;
            JavascriptExecutor js = chromium.driver;
            WebDriverWait wait = new WebDriverWait(browser, BROWSER_WAIT);
            // opened while the run goes on: what it ends up showing comes from its auto-refresh
            browser.get(dashboard + "#run=" + RUN);
            // a script run by markup in an error would call alert: count instead of opening a dialog
            js.executeScript("window.fullcourtAlerts = 0; window.alert = function () { window.fullcourtAlerts++; };");
            driver.awaitFinished(RUN, Duration.ofSeconds(120));

            Map<String, String> expected = statesFromLedger(RUN);
            assertThat(expected).as("the ledger against the coordinator's state").isEqualTo(coordinatorStates());
            // 3 processors x 8 dates; beta of Apr 5 dead after 5 deliveries, gamma of Apr 5 blocked by it
            assertThat(expected).hasSize(24)
                    .containsEntry("beta/" + bad, "DEAD").containsEntry("gamma/" + bad, "BLOCKED");
            assertThat(expected.values().stream().filter("SUCCEEDED"::equals).count()).isEqualTo(24 - 2);

            awaitEqual(wait, () -> grid(js), expected, "the dashboard's grid");
            // every task finished, one dead and one blocked: not COMPLETED
            wait.until(b -> "COMPLETED_WITH_FAILURES".equals(b.findElement(By.id("run-state")).getText()));
            // the runs table comes from /runs, read just before the run: it may show the state one refresh later
            By runRowOnPage = By.cssSelector("#runs tr[data-run='" + RUN + "']");
            wait.ignoring(StaleElementReferenceException.class)
                    .until(b -> b.findElement(runRowOnPage).getText().contains("COMPLETED_WITH_FAILURES"));
            WebElement runRow = browser.findElement(runRowOnPage);
            assertThat(runRow.getText()).contains(RUN, "COMPLETED_WITH_FAILURES", "24 / 24 (100%)");
            // its own colour, in the run's heading and its row of the runs table, besides its name
            WebElement runState = browser.findElement(By.id("run-state"));
            assertThat(runState.getAttribute("class")).isEqualTo("state rs-COMPLETED_WITH_FAILURES");
            assertThat(runState.getCssValue("background-color")).as("#ffe0b3, amber").isEqualTo("rgba(255, 224, 179, 1)");
            assertThat(runRow.findElement(By.className("state")).getAttribute("class"))
                    .isEqualTo("state rs-COMPLETED_WITH_FAILURES");

            deadCell(browser, "beta", bad).click();
            wait.until(b -> b.findElement(By.id("task-title")).getText().startsWith("beta/" + bad)
                    && b.findElements(By.cssSelector("#task-attempts tbody tr")).size() == 5);
            saveScreenshot(chromium.driver, Path.of("target", "dashboard-browser-test.png"));

            String error = "injected failure of beta on " + bad + ": " + HOSTILE;
            assertThat(browser.findElement(By.id("task-title")).getText()).isEqualTo("beta/" + bad + " DEAD");
            assertThat(browser.findElement(By.cssSelector("#task-detail .task-error")).getText()).contains(error);
            List<List<String>> attempts = new ArrayList<>();
            for (WebElement tr : browser.findElements(By.cssSelector("#task-attempts tbody tr"))) {
                List<String> cells = tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
                assertThat(cells.get(6)).as("outcome of %s", cells).isEqualTo("ATTEMPT_FAILED");
                assertThat(cells.get(7)).as("error of %s", cells).contains(error);
                attempts.add(List.of(cells.get(0), cells.get(1)));
            }
            assertThat(attempts).as("(dispatch, attempt) of each failed attempt, as in the ledger")
                    .isEqualTo(failedAttemptsInLedger(new TaskKey("beta", bad)));

            assertThat(js.executeScript("return document.querySelectorAll('img').length;")).isEqualTo(0L);
            assertThat(js.executeScript("return window.fullcourtAlerts;")).isEqualTo(0L);
            assertThat(noDialogOpen(browser)).isTrue();

            freshnessShowsWhatStaleJudges(browser, js, wait, from, to, bad);
        }
    }

    /**
     * A person's round trip through the dashboard's actions: a request previewed (a dry run: its plan, no run) and
     * started from the form, its timeline filling as the coordinator's state says, the date a fault poisoned
     * replayed from its dead cell once fixed, and another run paused, resumed and cancelled. Every action shows
     * the coordinator's answer; a bad request shows its reasons.
     */
    @Test
    void requestPreviewedAndStartedFromTheFormThenAPoisonedDateReplayedAndAnotherRunCancelled() {
        String missing = HeadlessChromium.missing();
        if (missing != null) {
            fail(missing);
        }
        String run = "e2e-dashboard-actions";
        String other = "e2e-dashboard-cancel";
        LocalDate from = LocalDate.of(2024, 5, 1);
        LocalDate to = LocalDate.of(2024, 5, 6);
        LocalDate bad = LocalDate.of(2024, 5, 3);
        LocalDate empty = LocalDate.of(2024, 5, 2);
        Faults.fail("beta", Set.of(bad));
        Faults.empty("gamma", Set.of(empty));

        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.driver;
            JavascriptExecutor js = chromium.driver;
            WebDriverWait wait = new WebDriverWait(browser, BROWSER_WAIT);
            // tall enough for the run's section (timeline, grid, task) in one screenshot
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1800));
            browser.get(dashboard.toString());

            // no phase nor processor: the coordinator's reasons, in red, and nothing to start
            setValue(js, "req-id", run);
            browser.findElement(By.id("req-preview")).click();
            WebElement answer = browser.findElement(By.id("req-answer"));
            wait.until(b -> answer.isDisplayed() && answer.getText().startsWith("rejected"));
            assertThat(answer.getAttribute("class")).contains("error");
            assertThat(browser.findElement(By.id("req-start")).isEnabled()).isFalse();

            setValue(js, "req-from", from.toString());
            setValue(js, "req-to", to.toString());
            browser.findElement(By.cssSelector("#req-phases input[value='3']")).click();
            // beta's previous:2 window reads alpha of Apr 29 and 30, outside the run: allowed, not pulled in
            new Select(browser.findElement(By.id("req-upstreams"))).selectByValue("allow");
            browser.findElement(By.id("req-preview")).click();
            wait.until(b -> answer.getText().startsWith("dry run " + run));
            // 3 processors (alpha, cascading to beta and gamma) x 6 dates
            assertThat(answer.getText()).contains("DRY RUN, nothing dispatched", "18 tasks over 6 dates, " + from
                    + " to " + to, "alpha: 6", "beta: 6", "gamma: 6");
            assertThat(answer.getAttribute("class")).contains("ok");
            RestAssured.given().get("/runs/" + run).then().statusCode(404);

            wait.until(b -> b.findElement(By.id("req-start")).isEnabled());
            browser.findElement(By.id("req-start")).click();
            wait.until(b -> answer.getText().startsWith("accepted: run " + run));
            assertThat(answer.getText()).contains("18 tasks over 6 dates");
            wait.until(b -> run.equals(b.findElement(By.id("run-id")).getText()));

            driver.awaitFinished(run, Duration.ofSeconds(120));
            Map<String, String> spans = timelineFromApi(run);
            // one row a date, a span a phase; gamma of the bad date never ran (blocked): no span there
            assertThat(spans).hasSize(6 * 3 - 1).containsEntry(bad + "/4", "failed 1/1")
                    .doesNotContainKey(bad + "/5");
            assertThat(spans.values().stream().filter("done 1/1"::equals).count()).isEqualTo(6 * 3 - 2);
            awaitEqual(wait, () -> timeline(js), spans, "the dashboard's timeline");
            wait.until(b -> "COMPLETED_WITH_FAILURES".equals(b.findElement(By.id("run-state")).getText()));
            assertThat(browser.findElement(By.id("act-replay")).getText()).isEqualTo("replay dead tasks (1)");
            // gamma of the emptied date SUCCEEDED with 0 rows: flagged by the run, dotted in the grid
            RestAssured.given().get("/runs/" + run).then().statusCode(200)
                    .body("zeroRows", org.hamcrest.Matchers.equalTo(1))
                    .body("zeroRowTasks", org.hamcrest.Matchers.contains("gamma/" + empty));
            wait.until(b -> b.findElement(By.id("zero-rows")).isDisplayed());
            assertThat(browser.findElement(By.id("zero-rows")).getText()).startsWith("1 task SUCCEEDED with 0 rows")
                    .endsWith(": gamma/" + empty);
            assertThat(js.executeScript("return Array.from(document.querySelectorAll('#grid td.zero')).map(function (td)"
                    + " { return td.parentNode.cells[0].textContent + '/' + td.cellIndex; });"))
                    .isEqualTo(List.of(empty + "/3"));

            // the fix is in: replay the poisoned date from its dead cell
            Faults.clear();
            deadCell(browser, "beta", bad).click();
            WebElement replayDate = browser.findElement(By.id("task-replay-date"));
            wait.until(b -> replayDate.isDisplayed() && !replayDate.getText().isEmpty());
            assertThat(replayDate.getText()).isEqualTo("replay dead tasks of " + bad);
            saveScreenshot(js, browser.findElement(By.id("grid-and-task")), SCREENSHOTS.resolve("dashboard-grid.png"));
            replayDate.click();
            WebElement taskAnswer = browser.findElement(By.id("task-answer"));
            wait.until(b -> taskAnswer.getText().equals("run " + run + ": 1 dead task replayed"));
            wait.until(b -> "COMPLETED".equals(b.findElement(By.id("run-state")).getText()));
            Map<String, String> states = statesFromLedger(run);
            assertThat(states).hasSize(18).allSatisfy((task, state) -> assertThat(state).isEqualTo("SUCCEEDED"));
            awaitEqual(wait, () -> grid(js), states, "the dashboard's grid after the replay");
            Map<String, String> replayedSpans = timelineFromApi(run);
            assertThat(replayedSpans).hasSize(18).allSatisfy((span, shown) -> assertThat(shown).isEqualTo("done 1/1"));
            awaitEqual(wait, () -> timeline(js), replayedSpans, "the timeline after the replay");
            WebElement activity = browser.findElement(By.id("activity-summary"));
            try {
                wait.until(b -> activity.getAttribute("data-samples") != null
                        && Integer.parseInt(activity.getAttribute("data-samples")) >= 2);
            } catch (TimeoutException e) {
                saveScreenshot(chromium.driver, Path.of("target", "dashboard-browser-test.png"));
                fail("the activity panel after " + BROWSER_WAIT + ": " + activity.getText() + " ("
                        + activity.getAttribute("data-samples") + " samples)");
            }
            assertThat(browser.findElement(By.cssSelector("#inflight path[data-series='in flight']")).getAttribute("d"))
                    .startsWith("M");
            saveScreenshot(js, browser.findElement(By.id("run-section")), SCREENSHOTS.resolve("dashboard-run.png"));
            saveScreenshot(js, browser.findElement(By.id("activity-section")),
                    SCREENSHOTS.resolve("dashboard-activity.png"));

            // another run, held in flight: paused, resumed, then cancelled from the dashboard
            LocalDate otherFrom = LocalDate.of(2024, 6, 1);
            LocalDate otherTo = LocalDate.of(2024, 6, 4);
            Faults.hold("alpha", Set.copyOf(PipelineDriver.dates(otherFrom, otherTo)));
            driver.publishRequest(BackfillRequest.forRange(other, otherFrom, otherTo).withPhases(List.of(3))
                    .withUpstreams(BackfillRequest.Upstreams.ALLOW));
            // the runs table is redrawn as runs change: click the row the page shows now
            wait.until(b -> {
                try {
                    b.findElement(By.cssSelector("#runs tr[data-run='" + other + "']")).click();
                    return true;
                } catch (org.openqa.selenium.NoSuchElementException | StaleElementReferenceException e) {
                    return false;
                }
            });
            wait.until(b -> "RUNNING".equals(b.findElement(By.id("run-state")).getText())
                    && other.equals(b.findElement(By.id("run-id")).getText()));
            WebElement actAnswer = browser.findElement(By.id("act-answer"));
            clickWhenEnabled(wait, "act-pause");
            wait.until(b -> actAnswer.getText().equals("run " + other + " paused: tasks in flight finish"));
            wait.until(b -> "PAUSED".equals(b.findElement(By.id("run-state")).getText()));
            clickWhenEnabled(wait, "act-resume");
            wait.until(b -> actAnswer.getText().equals("run " + other + " resumed"));
            wait.until(b -> "RUNNING".equals(b.findElement(By.id("run-state")).getText()));

            clickWhenEnabled(wait, "act-cancel");
            assertThat(browser.findElement(By.id("act-confirm")).getText()).startsWith("cancel run " + other + "?");
            browser.findElement(By.id("act-cancel-yes")).click();
            wait.until(b -> actAnswer.getText()
                    .equals("run " + other + " cancelled: tasks in flight finish, nothing else of it runs"));
            assertThat(actAnswer.getAttribute("class")).contains("ok");
            wait.until(b -> "CANCELLING".equals(b.findElement(By.id("run-state")).getText()));
            Faults.release();
            wait.until(b -> "CANCELLED".equals(b.findElement(By.id("run-state")).getText()));
            assertThat(driver.statuses(other).values()).contains(TaskStatus.CANCELLED);
            assertThat(browser.findElement(By.id("act-cancel")).isEnabled()).isFalse();
            assertThat(browser.findElement(By.id("act-replay")).isEnabled()).isFalse();
        }
    }

    /** Each span of the run's /timeline, "first date/phase" -> "state finished/tasks", as the dashboard draws it. */
    private static Map<String, String> timelineFromApi(String runId) {
        JsonPath tl = RestAssured.given().get("/runs/" + runId + "/timeline").then().statusCode(200).extract().jsonPath();
        Map<String, String> out = new TreeMap<>();
        for (Map<String, Object> row : tl.<Map<String, Object>>getList("rows")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> spans = (List<Map<String, Object>>) row.get("spans");
            for (Map<String, Object> span : spans) {
                if (span.get("started") == null) {
                    continue;
                }
                String state = span.get("ended") == null ? "running"
                        : ((Number) span.get("dead")).intValue() > 0 ? "failed" : "done";
                out.put(row.get("first") + "/" + span.get("phase"), state + " " + span.get("finished") + "/"
                        + span.get("tasks"));
            }
        }
        return out;
    }

    /** The timeline's bars as the page shows them, in the form of {@link #timelineFromApi}. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> timeline(JavascriptExecutor js) {
        List<Object> bars = (List<Object>) js.executeScript("""
                return Array.from(document.querySelectorAll('#timeline rect')).map(function (r) {
                  return r.getAttribute('data-first') + '/' + r.getAttribute('data-phase') + '=' +
                    r.getAttribute('data-state') + ' ' + r.getAttribute('data-finished') + '/' + r.getAttribute('data-tasks');
                });""");
        Map<String, String> out = new TreeMap<>();
        bars.forEach(b -> {
            String[] kv = ((String) b).split("=", 2);
            out.put(kv[0], kv[1]);
        });
        return out;
    }

    private static void awaitEqual(WebDriverWait wait, java.util.function.Supplier<Map<String, String>> shown,
                                   Map<String, String> expected, String what) {
        try {
            wait.until(b -> expected.equals(shown.get()));
        } catch (TimeoutException e) {
            assertThat(shown.get()).as("%s after %s", what, BROWSER_WAIT).isEqualTo(expected);
        }
    }

    private static void clickWhenEnabled(WebDriverWait wait, String id) {
        wait.until(b -> b.findElement(By.id(id)).isEnabled() && b.findElement(By.id(id)).isDisplayed());
        wait.until(b -> b.findElement(By.id(id))).click();
    }

    /** Sets an input as typing would, change events included (a date input's typing depends on the locale). */
    private static void setValue(JavascriptExecutor js, String id, String value) {
        js.executeScript("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));"
                + " e.dispatchEvent(new Event('change', {bubbles: true}));", id, value);
    }

    /**
     * The Freshness panel over the run's range (its default) once the run's dates are a season's game dates:
     * the grid shows exactly /stale's judgement: beta of the bad date stale (its write never ended), gamma of
     * that date stale (never written, or reading what is being rewritten), the other 22 partitions fresh;
     * a click shows the reason as /stale gives it.
     */
    private void freshnessShowsWhatStaleJudges(WebDriver browser, JavascriptExecutor js, WebDriverWait wait,
                                               LocalDate from, LocalDate to, LocalDate bad) {
        // the test pipeline needs no calendar; staleness judges only the calendar's game dates: give it one
        StringBuilder days = new StringBuilder();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.append(days.length() == 0 ? "" : ", ").append("(DATE '").append(d).append("', '2023-24')");
        }
        warehouse.update("CREATE OR REPLACE TABLE raw.schedule AS SELECT * FROM (VALUES " + days
                + ") AS t(game_date, season)", Map.of());
        try {
            wait.until(b -> from.toString().equals(b.findElement(By.id("fresh-from")).getAttribute("value"))
                    && to.toString().equals(b.findElement(By.id("fresh-to")).getAttribute("value")));
            browser.findElement(By.cssSelector("#fresh-form button[type=submit]")).click();

            JsonPath stale = RestAssured.given().queryParam("from", from.toString()).queryParam("to", to.toString())
                    .get("/stale").then().statusCode(200).extract().jsonPath();
            Map<String, String> expected = freshnessFromApi(stale);
            assertThat(expected).hasSize(24);
            assertThat(expected.get("beta/" + bad)).isNotEqualTo("FRESH");
            assertThat(expected.get("gamma/" + bad)).isNotEqualTo("FRESH");
            assertThat(expected.values().stream().filter("FRESH"::equals).count()).isEqualTo(24 - 2);
            awaitEqual(wait, () -> cells(js, READ_FRESH_GRID), expected, "the Freshness grid");
            assertThat(browser.findElement(By.id("fresh-summary")).getText())
                    .startsWith("2 stale of 24 partitions judged, " + from + " .. " + to);

            int gamma = stale.getList("grid.processors.processor", String.class).indexOf("gamma") + 1;
            browser.findElement(By.xpath("//table[@id='fresh-grid']/tbody/tr[th='" + bad + "']/td[" + gamma + "]"))
                    .click();
            wait.until(b -> b.findElement(By.id("fresh-reason-title")).getText()
                    .equals("gamma " + bad + " " + expected.get("gamma/" + bad)));
            String reason = stale.getString("partitions.find { it.processor == 'gamma' && it.date == '" + bad
                    + "' }.reason");
            assertThat(browser.findElement(By.cssSelector("#fresh-reason-detail .reason")).getText()).isEqualTo(reason);

            validationShowsWhatTheApiChecks(browser, wait, from, to);
            saveScreenshot(js, browser.findElement(By.id("freshness-section")), SCREENSHOTS.resolve("dashboard-warehouse.png"));
        } finally {
            warehouse.update("DROP TABLE IF EXISTS raw.schedule", Map.of());
        }
    }

    /** The validate button over the Freshness range: a row per check of /validation, its name, status and detail. */
    private static void validationShowsWhatTheApiChecks(WebDriver browser, WebDriverWait wait, LocalDate from,
                                                        LocalDate to) {
        browser.findElement(By.id("validate")).click();
        WebElement summary = browser.findElement(By.id("validation-summary"));
        wait.until(b -> summary.getText().startsWith("PASSED") || summary.getText().startsWith("FAILED"));

        JsonPath validation = RestAssured.given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/validation").then().statusCode(200).extract().jsonPath();
        List<String> expected = new ArrayList<>();
        for (Map<String, Object> check : validation.<Map<String, Object>>getList("checks")) {
            expected.add(check.get("name") + " | " + check.get("status") + " | " + check.get("detail"));
        }
        // the test pipeline's three processors, each a table whose coverage is checked
        assertThat(expected).anySatisfy(c -> assertThat(c).startsWith("coverage of alpha | "))
                .anySatisfy(c -> assertThat(c).startsWith("coverage of beta | "))
                .anySatisfy(c -> assertThat(c).startsWith("coverage of gamma | "));
        List<String> shown = browser.findElements(By.cssSelector("#validation-checks tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .map(cells -> String.join(" | ", cells)).toList();
        assertThat(shown).as("the dashboard's validation rows").isEqualTo(expected);
        boolean passed = validation.getBoolean("passed");
        assertThat(summary.getText()).startsWith((passed ? "PASSED" : "FAILED") + ": " + expected.size() + " checks, "
                + expected.stream().filter(c -> c.contains(" | FAILED | ")).count() + " failed, " + from + " .. " + to);
    }

    /** Per cell of /stale's grid, "processor/date" -> FRESH or the kind of staleness (no cell is unjudged here). */
    private static Map<String, String> freshnessFromApi(JsonPath stale) {
        List<String> kinds = stale.getList("grid.kinds", String.class);
        List<String> dates = stale.getList("grid.dates", String.class);
        Map<String, String> out = new TreeMap<>();
        for (Map<String, Object> row : stale.<Map<String, Object>>getList("grid.processors")) {
            String cells = (String) row.get("cells");
            for (int i = 0; i < dates.size(); i++) {
                char c = cells.charAt(i);
                out.put(row.get("processor") + "/" + dates.get(i), c == '-' ? "FRESH" : c == '.' ? "none"
                        : kinds.get(c - '0'));
            }
        }
        return out;
    }

    /** Per task of the run, the state its ledger rows give: its last terminal row, or BLOCKED when it never ran. */
    private Map<String, String> statesFromLedger(String runId) {
        Map<String, String> states = new TreeMap<>();
        for (Map<String, Object> r : driver.rows("SELECT task_id, event FROM ops.task_events WHERE run_id = @run"
                + " AND task_id IS NOT NULL ORDER BY seq", Map.of("run", runId))) {
            String task = (String) r.get("task_id");
            String event = (String) r.get("event");
            switch (event) {
                case "PLANNED" -> states.putIfAbsent(task, "BLOCKED");
                case "SUCCEEDED", "SKIPPED", "DEAD" -> states.put(task, event);
                default -> {
                    // dispatches and attempts do not end a task
                }
            }
        }
        return states;
    }

    private Map<String, String> coordinatorStates() {
        Map<String, String> states = new TreeMap<>();
        driver.statuses(RUN).forEach((key, status) -> states.put(key.taskId(), status.name()));
        return states;
    }

    private List<List<String>> failedAttemptsInLedger(TaskKey task) {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> r : driver.rows("SELECT dispatch, attempt FROM ops.task_events WHERE run_id = @run"
                + " AND task_id = @task AND event = 'ATTEMPT_FAILED' ORDER BY seq", Map.of("run", RUN, "task", task.taskId()))) {
            out.add(List.of(String.valueOf(r.get("dispatch")), String.valueOf(r.get("attempt"))));
        }
        assertThat(out).as("failed attempts of %s in the ledger", task).hasSize(5);
        return out;
    }

    private static Map<String, String> grid(JavascriptExecutor js) {
        return cells(js, READ_GRID);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> cells(JavascriptExecutor js, String readScript) {
        List<Object> cells = (List<Object>) js.executeScript(readScript);
        if (cells == null) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        for (Object cell : cells) {
            String[] kv = ((String) cell).split("=", 2);
            out.put(kv[0], kv[1]);
        }
        return new TreeMap<>(out);
    }

    private static WebElement deadCell(WebDriver browser, String processor, LocalDate date) {
        List<String> processors = browser.findElements(By.cssSelector("#grid thead th[data-processor]")).stream()
                .map(th -> th.getAttribute("data-processor")).toList();
        int column = processors.indexOf(processor) + 1;
        assertThat(column).as("column of %s in %s", processor, processors).isPositive();
        WebElement cell = browser.findElement(By.xpath("//table[@id='grid']/tbody/tr[th='" + date + "']/td[" + column + "]"));
        assertThat(cell.getAttribute("class")).contains("s-" + TaskStatus.DEAD);
        return cell;
    }

    /** One part of the page, scrolled to the top of the window first: a screenshot holds what the window shows. */
    private static void saveScreenshot(JavascriptExecutor js, WebElement part, Path file) {
        js.executeScript("arguments[0].scrollIntoView({block: 'start'});", part);
        saveScreenshot(part, file);
    }

    /** What the page looked like, for a person reading a failure or the README (best effort). */
    private static void saveScreenshot(TakesScreenshot browser, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // a missing screenshot is not the test's concern
        }
    }

    private static boolean noDialogOpen(WebDriver browser) {
        try {
            browser.switchTo().alert();
            return false;
        } catch (NoAlertPresentException e) {
            return true;
        }
    }
}
