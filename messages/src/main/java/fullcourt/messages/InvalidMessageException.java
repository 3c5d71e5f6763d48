package fullcourt.messages;

import java.util.List;

/** A message body that cannot be decoded, with every problem found, each naming its field. */
public class InvalidMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidMessageException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
