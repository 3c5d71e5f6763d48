package fullcourt.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's {@code GET /stale}: over a range and scope, partitions judged and stale, per processor by
 * kind, the most common reasons and the first stale partitions; fields the CLI does not show are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StaleStatus(
        String from,
        String to,
        String processor,
        Integer phase,
        int judged,
        int stale,
        Map<String, Map<String, Integer>> byProcessor,
        List<ReasonCount> reasons,
        List<Partition> partitions,
        Grid grid) {

    public StaleStatus {
        byProcessor = byProcessor == null ? Map.of() : byProcessor;
        reasons = reasons == null ? List.of() : reasons;
        partitions = partitions == null ? List.of() : partitions;
        grid = grid == null ? new Grid(List.of()) : grid;
    }

    /** A reason text and how many stale partitions give it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReasonCount(String text, int count) {
    }

    /** One stale partition and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Partition(String processor, String date, String kind, String reason) {
    }

    /** Of the grid, only its processors in order (phase, then the pipeline's), which the table follows. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Grid(List<Row> processors) {

        public Grid {
            processors = processors == null ? List.of() : processors;
        }
    }

    /** A processor of the grid and its phase. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String processor, int phase) {
    }
}
