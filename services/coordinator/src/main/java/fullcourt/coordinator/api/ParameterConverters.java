package fullcourt.coordinator.api;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Path and query parameters typed as a date, an integer or an enum: a value that does not convert is a
 * {@link BadParameter} (400) naming the parameter and what was expected. JAX-RS answers a query or path parameter
 * it cannot convert with an empty 404, as if the resource did not exist.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, "a date YYYY-MM-DD", LocalDate::parse);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, "an integer", Integer::valueOf);
        }
        if (rawType.isEnum()) {
            String values = Arrays.stream(rawType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return (ParamConverter<T>) converter(name, "one of " + values, text -> Enum.valueOf((Class) rawType, text));
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return "parameter";
    }

    private static <T> ParamConverter<T> converter(String name, String expected, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String text) {
                if (text == null) {
                    return null;
                }
                try {
                    return parse.apply(text.trim());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new BadParameter(name + ": expected " + expected + ", got '" + text + "'");
                }
            }

            @Override
            public String toString(T value) {
                return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
            }
        };
    }
}
