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
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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

            Map<String, String> expected = statesFromLedger();
            assertThat(expected).as("the ledger against the coordinator's state").isEqualTo(coordinatorStates());
            // 3 processors x 8 dates; beta of Apr 5 dead after 5 deliveries, gamma of Apr 5 blocked by it
            assertThat(expected).hasSize(24)
                    .containsEntry("beta/" + bad, "DEAD").containsEntry("gamma/" + bad, "BLOCKED");
            assertThat(expected.values().stream().filter("SUCCEEDED"::equals).count()).isEqualTo(24 - 2);

            try {
                wait.until(b -> expected.equals(grid(js)));
            } catch (TimeoutException e) {
                assertThat(grid(js)).as("the dashboard's grid after %s", BROWSER_WAIT).isEqualTo(expected);
            }
            // every task finished, one dead and one blocked: not COMPLETED
            wait.until(b -> "COMPLETED_WITH_FAILURES".equals(b.findElement(By.id("run-state")).getText()));
            WebElement runRow = browser.findElement(By.cssSelector("#runs tr[data-run='" + RUN + "']"));
            assertThat(runRow.getText()).contains(RUN, "COMPLETED_WITH_FAILURES", "24 / 24 (100%)");

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
            try {
                wait.until(b -> expected.equals(cells(js, READ_FRESH_GRID)));
            } catch (TimeoutException e) {
                assertThat(cells(js, READ_FRESH_GRID)).as("the Freshness grid after %s", BROWSER_WAIT)
                        .isEqualTo(expected);
            }
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
        } finally {
            warehouse.update("DROP TABLE IF EXISTS raw.schedule", Map.of());
        }
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
    private Map<String, String> statesFromLedger() {
        Map<String, String> states = new TreeMap<>();
        for (Map<String, Object> r : driver.rows("SELECT task_id, event FROM ops.task_events WHERE run_id = @run"
                + " AND task_id IS NOT NULL ORDER BY seq", Map.of("run", RUN))) {
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

    /** What the page looked like, for a person reading a failure (best effort). */
    private static void saveScreenshot(TakesScreenshot browser, Path file) {
        try {
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
