package fullcourt.messages;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * New or corrected raw data: rows of {@code table} ({@code raw.<name>}) for {@code dates} were loaded, published on
 * {@code raw-updates} by whatever loads raw tables (the platform's phases 1-2, {@code fullcourt load}) once the rows
 * are in the warehouse. The coordinator turns a burst of these into one stale run over what read those dates.
 * {@code source} (optional) names the publisher, e.g. a scraper; {@code labels} are kept with the run. A date listed
 * twice means it once. Collections are never null: absent means empty.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawUpdate(
        int schemaVersion,
        String table,
        List<LocalDate> dates,
        String source,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> labels) {

    /**
     * Most dates one message may announce: four seasons of game dates with room to spare, about 26 KB of JSON,
     * well under the codec's size limit; a larger reload is several messages, which the coordinator coalesces.
     */
    public static final int MAX_DATES = 2000;

    static final String TABLE_EXPECTATION = "raw.<name> (a lowercase letter, then up to 63 lowercase letters, digits"
            + " or _)";

    // The same syntax as the catalog's raw inputs: a table name that lands in SQL and Pub/Sub attributes.
    private static final Pattern TABLE = Pattern.compile("raw\\.[a-z][a-z0-9_]{0,63}");

    public RawUpdate {
        dates = dates == null ? List.of() : List.copyOf(dates);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static RawUpdate of(String table, List<LocalDate> dates) {
        return new RawUpdate(SchemaVersions.CURRENT, table, dates, null, Map.of());
    }

    public RawUpdate withSource(String source) {
        return new RawUpdate(schemaVersion, table, dates, source, labels);
    }

    public RawUpdate withLabels(Map<String, String> labels) {
        return new RawUpdate(schemaVersion, table, dates, source, labels);
    }

    /** Pub/Sub attributes: the table (and source), so subscribers can filter without decoding the body. */
    public Map<String, String> attributes() {
        LinkedHashMap<String, String> attributes = new LinkedHashMap<>();
        DateWork.putIfPresent(attributes, "table", table);
        DateWork.putIfPresent(attributes, "source", source);
        return Collections.unmodifiableMap(attributes);
    }

    static void checkShape(JsonShape json) {
        String table = json.required("table", JsonShape.TEXT);
        if (table != null && !TABLE.matcher(table).matches()) {
            json.problem("table", "expected " + TABLE_EXPECTATION + ", got " + Shown.quoted(table));
        }
        json.requiredList("dates", JsonShape.DATE, MAX_DATES);
        json.optional("source", JsonShape.TEXT);
        json.textMap("labels");
    }
}
