package fullcourt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fullcourt validate --from D --to D [--phase N]}: the warehouse checked, with a failing exit status. */
@Command(name = "validate", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Check what a backfill left in the warehouse; exit 3 when a check fails.",
        description = {
            "%nPer table: the dates it should hold (game dates, minus each season's bootstrap days for phases 4-6)"
                    + " against the dates present. The runbooks' field checks on phase 3: usage_rate present for >= 95%%"
                    + " of player-games with minutes, shot-zone fields >= 90%%, minutes null rate <= 5%%, game_id format"
                    + " 100%% valid, team rows per date matching the schedule. Phase 5: the trained model's points MAE"
                    + " against the moving-average baseline on the range's last season.",
            "It also counts the range's stale partitions per processor (partition lineage: missing, another model"
                    + " version, inputs changed since): reported, not a failure of validate; 'fullcourt status --stale'"
                    + " gives their reasons.",
            "The coordinator runs the checks on its warehouse; the run command of the all-in-one prints the same"
                    + " report, plus its export files checked against their JSON Schemas."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE + " (every check passed)", ExitCodes.SYSTEM_FAILURE_LINE,
            ExitCodes.USAGE_LINE, ExitCodes.CHECK_FAILED_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  fullcourt validate --from 2021-10-19 --to 2025-06-30",
            "  fullcourt validate --from 2024-10-22 --to 2025-04-13 --phase 4",
            "  fullcourt validate --from 2024-01-01 --to 2024-01-31 --json | jq '.fieldChecks'"})
public class ValidateCommand extends CoordinatorCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--from", required = true, paramLabel = "DATE", converter = DateConverter.class,
            description = "First date checked (YYYY-MM-DD).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", converter = DateConverter.class,
            description = "Last date checked (YYYY-MM-DD), inclusive.")
    LocalDate to;

    @Option(names = "--phase", paramLabel = "N", description = "Only this phase's tables and checks (3 to 6).%nDefault: every phase.")
    Integer phase;

    @Option(names = "--json", description = "Print the coordinator's JSON as it came, for scripts.%nDefault: off.")
    boolean json;

    @Override
    public Integer call() {
        if (to.isBefore(from)) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(),
                    "--to " + to + " is before --from " + from);
        }
        if (phase != null && (phase < 3 || phase > 6)) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(),
                    "--phase must be 3, 4, 5 or 6, got " + phase);
        }
        CoordinatorClient client = coordinator.client();
        String body = client.validationJson(from, to, phase);
        PrintWriter out = out();
        try {
            JsonNode report = JSON.readTree(body);
            out.println(json ? body.strip() : report.path("report").asText());
            return report.path("passed").asBoolean(false) ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        } catch (JsonProcessingException e) {
            throw client.unexpected("GET /validation", e.getOriginalMessage());
        }
    }
}
