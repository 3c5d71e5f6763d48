package fullcourt.publishing.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fullcourt.engine.processor.PermanentFailure;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The bytes of an export document. Its own mapper, not the application's, so no other module's
 * customization can change a published shape: compact UTF-8, record components in declaration
 * order, nulls written (every field is always present), dates as ISO strings in the records
 * themselves, no timestamps; the same document always gives the same bytes.
 */
public final class ExportJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private ExportJson() {
    }

    public static byte[] bytes(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("cannot serialize " + document.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Rounds an aggregate the exporter computes to 4 decimals, so float noise never changes a published byte. */
    public static Double rounded(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null
                : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }
}
