package fullcourt.engine.catalog;

/** One dependency of a processor: the upstream processor and the window of its dates needed. */
public record Upstream(String processor, Window window) {
}
