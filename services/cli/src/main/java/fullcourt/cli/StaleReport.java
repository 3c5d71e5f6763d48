package fullcourt.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code fullcourt status --stale}: stale partitions per processor by kind, common reasons, the first ones. */
final class StaleReport {

    /** The kinds of staleness as the coordinator names them, most direct first: the columns' order. */
    static final List<String> KINDS = List.of("MISSING", "NO_LINEAGE", "INTERRUPTED", "VERSION", "RAW_CHANGED",
            "UPSTREAM_CHANGED", "UPSTREAM_STALE");

    private static final String NL = System.lineSeparator();

    private StaleReport() {
    }

    static String render(StaleStatus s) {
        StringBuilder out = new StringBuilder();
        String scope = scope(s);
        if (s.stale() == 0) {
            return out.append(scope).append(": nothing stale (").append(s.judged()).append(" partitions judged)")
                    .append(NL).toString();
        }
        out.append(scope).append(": ").append(s.stale()).append(" stale of ").append(s.judged())
                .append(" partitions judged").append(NL).append(NL);
        out.append(kindTable(s)).append(NL);
        if (!s.reasons().isEmpty()) {
            out.append("most common reasons").append(NL);
            TextTable reasons = new TextTable(">PARTITIONS", "REASON");
            s.reasons().forEach(r -> reasons.row(r.count(), RunReport.oneLine(r.text())));
            out.append(reasons.render()).append(NL);
        }
        out.append(s.partitions().size() < s.stale()
                ? "first " + s.partitions().size() + " stale partitions, in dependency order"
                : "stale partitions, in dependency order").append(NL);
        if (!s.partitions().isEmpty()) {
            TextTable partitions = new TextTable("DATE", "PROCESSOR", "KIND", "REASON");
            s.partitions().forEach(p -> partitions.row(p.date(), p.processor(), p.kind(),
                    RunReport.oneLine(p.reason())));
            out.append(partitions.render());
        }
        if (s.partitions().size() < s.stale()) {
            out.append("... and ").append(s.stale() - s.partitions().size())
                    .append(" more: --limit N lists more, --json gives them as JSON").append(NL);
        }
        out.append("recompute them: fullcourt request --from ").append(s.from()).append(" --to ").append(s.to())
                .append(s.processor() != null ? " --processor " + s.processor() : " --phase " + firstStalePhase(s))
                .append(" --stale [--dry-run]").append(NL);
        return out.toString();
    }

    /** The earliest phase with stale partitions (cascade takes the stale downstream along), or the asked phase. */
    private static int firstStalePhase(StaleStatus s) {
        return s.phase() != null ? s.phase() : s.grid().processors().stream()
                .filter(r -> s.byProcessor().containsKey(r.processor())).mapToInt(StaleStatus.Row::phase).min()
                .orElse(3);
    }

    private static String scope(StaleStatus s) {
        if (s.from() == null) {
            return "no game dates in the warehouse's calendar (raw.schedule)";
        }
        return s.from() + " .. " + s.to() + (s.phase() != null ? ", phase " + s.phase() : "")
                + (s.processor() != null ? ", " + s.processor() : "");
    }

    /** A row per processor with stale partitions (pipeline order), a column per kind that occurs. */
    private static String kindTable(StaleStatus s) {
        List<String> kinds = KINDS.stream()
                .filter(k -> s.byProcessor().values().stream().anyMatch(c -> c.getOrDefault(k, 0) > 0)).toList();
        List<String> headers = new ArrayList<>(List.of("PROCESSOR", ">STALE"));
        kinds.forEach(k -> headers.add(">" + k));
        TextTable table = new TextTable(headers.toArray(String[]::new));
        for (String p : processorOrder(s)) {
            Map<String, Integer> counts = s.byProcessor().get(p);
            List<Object> row = new ArrayList<>(List.of(p, counts.values().stream().mapToInt(Integer::intValue).sum()));
            kinds.forEach(k -> row.add(counts.getOrDefault(k, 0)));
            table.row(row.toArray());
        }
        return table.render();
    }

    // the grid's order (phase, then the pipeline's), then any the grid does not name
    private static Set<String> processorOrder(StaleStatus s) {
        Set<String> order = new LinkedHashSet<>();
        s.grid().processors().stream().map(StaleStatus.Row::processor).filter(s.byProcessor()::containsKey)
                .forEach(order::add);
        order.addAll(s.byProcessor().keySet());
        return order;
    }
}
