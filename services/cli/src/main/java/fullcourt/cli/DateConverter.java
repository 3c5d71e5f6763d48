package fullcourt.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A calendar date as YYYY-MM-DD, the format of the messages and of the partition names. */
final class DateConverter implements ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("expected a date as YYYY-MM-DD (e.g. 2022-01-31), got '" + value + "'");
        }
    }
}
