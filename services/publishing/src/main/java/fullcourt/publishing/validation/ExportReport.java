package fullcourt.publishing.validation;

import fullcourt.publishing.Export;
import java.time.LocalDate;
import java.util.List;

/** What {@link ExportValidator} found under an export root for a date range, export by export. */
public record ExportReport(LocalDate from, LocalDate to, List<ExportCheck> exports) {

    /** One export's files of the range: how many exist, how many match the schema, and why the others do not. */
    public record ExportCheck(Export export, int present, int valid, int invalid, List<InvalidFile> invalidFiles) {
    }

    /** A file that failed validation, by object path, with every reason found. */
    public record InvalidFile(String objectPath, List<String> reasons) {
    }

    /** Whether every file present is valid. */
    public boolean allValid() {
        return exports.stream().allMatch(e -> e.invalid() == 0);
    }

    public ExportCheck of(Export export) {
        return exports.stream().filter(e -> e.export() == export).findFirst().orElseThrow();
    }
}
