package fullcourt.engine.worker;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.processor.Processor;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The processors this process runs, checked against the catalog: a service must implement exactly
 * the catalog's processors of the phases it serves, no more and no fewer (implementations of
 * processors the catalog does not name at all are left out with a warning).
 */
public final class ProcessorRegistry {

    private static final Logger LOG = Logger.getLogger(ProcessorRegistry.class);

    private final Map<String, Processor> byName;

    private ProcessorRegistry(Map<String, Processor> byName) {
        this.byName = byName;
    }

    /** @throws IllegalStateException naming the missing and the undeclared processors */
    public static ProcessorRegistry check(Catalog catalog, Collection<Integer> phases, Collection<Processor> implemented) {
        Map<String, Processor> byName = new HashMap<>();
        for (Processor p : implemented) {
            if (catalog.find(p.name()).isEmpty()) {
                // a module assembled here may carry processors of another catalog (the all-in-one's
                // tests run a test catalog): not served, and said so; a misspelt name shows as missing
                LOG.warnf("processor '%s' is implemented but not in the catalog: not served", p.name());
                continue;
            }
            if (byName.put(p.name(), p) != null) {
                throw new IllegalStateException("two implementations of processor '" + p.name() + "'");
            }
        }
        Set<String> expected = catalog.all().stream().filter(d -> phases.contains(d.phase()))
                .map(ProcessorDeclaration::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(byName.keySet());
        Set<String> extra = new TreeSet<>(byName.keySet());
        extra.removeAll(expected);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalStateException("this service serves phases " + phases + " but its processors do not match"
                    + " the catalog: missing implementations " + missing + ", implemented but not in the catalog"
                    + " for these phases " + extra + " (fix the catalog or fullcourt.worker.phases)");
        }
        return new ProcessorRegistry(Map.copyOf(byName));
    }

    public Optional<Processor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}
