package fullcourt.cli;

import fullcourt.messages.BackfillRequest.Policy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A scheduling policy by its wire name (per-date, phase-barrier, sequential), as the request carries it. */
final class PolicyConverter implements ITypeConverter<Policy> {

    @Override
    public Policy convert(String value) {
        return Policy.find(value.trim()).orElseThrow(() -> new TypeConversionException(
                "expected " + Policy.EXPECTATION + ", got '" + value + "'"));
    }
}
