package fullcourt.coordinator.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fullcourt.messages.Quota;

/**
 * The detail of a {@link LedgerEventType#DAILY_QUOTA} row, as JSON: the daily quota (scope, table, name, refill time)
 * and the task that met it ({@code metBy}: the row's own task, or the one whose failure made the coordinator hold the
 * row's task back). Kept in the ledger so that a restarted coordinator names the quota and holds its tables as before.
 */
public record DailyQuotaRow(Quota quota, String metBy) {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    public DailyQuotaRow {
        if (quota == null || !quota.daily()) {
            throw new IllegalArgumentException("a DAILY_QUOTA row names a daily quota, got " + quota);
        }
        if (metBy == null || metBy.isBlank()) {
            throw new IllegalArgumentException("a DAILY_QUOTA row names the task that met the quota");
        }
    }

    /** The row's detail. */
    public String detail() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + this, e);
        }
    }

    /**
     * The row of a DAILY_QUOTA row's detail.
     *
     * @throws IllegalArgumentException when the detail is not one
     */
    public static DailyQuotaRow parse(String detail) {
        if (detail == null) {
            throw new IllegalArgumentException("a DAILY_QUOTA row has a detail");
        }
        try {
            return JSON.readValue(detail, DailyQuotaRow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a daily quota: " + e.getOriginalMessage(), e);
        }
    }
}
