package fullcourt.seasons;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a generation run wrote: per-season figures, rows per raw table and the deliberate source gaps. */
public record GenerationReport(List<SeasonSummary> seasons, Map<String, Long> rowsPerTable, List<SourceGap> gaps) {

    public GenerationReport {
        seasons = List.copyOf(seasons);
        rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
        gaps = List.copyOf(gaps);
    }

    public long rows(String table) {
        return rowsPerTable.getOrDefault(table, 0L);
    }

    /** A few lines for a terminal. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (SeasonSummary s : seasons) {
            out.append(String.format("%s: %d regular-season + %d playoff games on %d dates, %d in overtime, "
                            + "prop lines on %d dates, champion %s%n",
                    s.season(), s.regularGames(), s.playoffGames(), s.gameDates(), s.overtimeGames(),
                    s.propLineDates(), s.champion()));
        }
        rowsPerTable.forEach((table, n) -> out.append(String.format("raw.%-18s %,10d rows%n", table, n)));
        for (SourceGap gap : gaps) {
            out.append("gap: ").append(gap).append(System.lineSeparator());
        }
        return out.toString();
    }
}
