package fullcourt.coordinator.api;

import java.time.LocalDate;
import java.util.List;

/** Which dead tasks to replay: empty lists mean all of them. */
public record ReplayRequest(List<String> processors, List<LocalDate> dates) {
}
