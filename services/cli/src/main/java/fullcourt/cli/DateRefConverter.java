package fullcourt.cli;

import fullcourt.messages.DateRef;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A request date: YYYY-MM-DD, or a day the coordinator counts back from its today (today, yesterday, today-N). */
final class DateRefConverter implements ITypeConverter<DateRef> {

    @Override
    public DateRef convert(String value) {
        return DateRef.parse(value.trim()).orElseThrow(() -> new TypeConversionException(
                "expected a date as YYYY-MM-DD (e.g. 2022-01-31), or today, yesterday, today-N, got '" + value + "'"));
    }
}
