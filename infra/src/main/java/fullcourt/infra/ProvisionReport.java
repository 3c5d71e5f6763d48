package fullcourt.infra;

import java.util.List;

/**
 * What one {@link TopologyProvisioner#provision} did, as relative resource names ({@code topics/phase3-work},
 * {@code subscriptions/phase3-work-sub}).
 */
public record ProvisionReport(List<String> created, List<String> updated, List<String> unchanged) {

    public ProvisionReport {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
    }

    /** True when the topology already matched and nothing was created or updated. */
    public boolean changedNothing() {
        return created.isEmpty() && updated.isEmpty();
    }

    @Override
    public String toString() {
        return "created " + created.size() + " " + created + ", updated " + updated.size() + " " + updated
                + ", unchanged " + unchanged.size();
    }
}
