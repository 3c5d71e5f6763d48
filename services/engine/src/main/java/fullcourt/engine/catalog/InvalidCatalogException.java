package fullcourt.engine.catalog;

import java.util.List;

/** A catalog that cannot be planned from, with every problem found. */
public class InvalidCatalogException extends RuntimeException {

    private final List<String> problems;

    public InvalidCatalogException(List<String> problems) {
        super("invalid processor catalog: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
