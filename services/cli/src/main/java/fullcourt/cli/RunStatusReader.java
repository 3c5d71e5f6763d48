package fullcourt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Reads the status API's JSON into {@link RunStatus} records. */
final class RunStatusReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunStatusReader() {
    }

    /** The runs of {@code GET /runs}. */
    static List<RunStatus> runs(String json) throws JsonProcessingException {
        return JSON.readValue(json, new TypeReference<List<RunStatus>>() { });
    }

    /** The run of {@code GET /runs/{id}}. */
    static RunStatus run(String json) throws JsonProcessingException {
        return JSON.readValue(json, RunStatus.class);
    }
}
