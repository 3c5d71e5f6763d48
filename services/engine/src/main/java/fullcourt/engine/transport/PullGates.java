package fullcourt.engine.transport;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The process's named {@link PullGate}s: the connector's channels and whoever opens them meet here by name. */
@Singleton
public class PullGates {

    private final Map<String, PullGate> gates = new ConcurrentHashMap<>();

    /** The gate of that name, created closed on first use. */
    public PullGate gate(String name) {
        return gates.computeIfAbsent(name, n -> new PullGate(n, false));
    }
}
