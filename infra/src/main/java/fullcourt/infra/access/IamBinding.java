package fullcourt.infra.access;

import java.util.Objects;

/**
 * One role granted to one member on one resource.
 *
 * @param resource relative name of the resource within its service: {@code topics/phase3-work-dlq},
 *     {@code subscriptions/phase3-work-sub}, {@code datasets/analytics}, {@code projects/P}, {@code buckets/B}
 * @param role e.g. {@code roles/pubsub.publisher}
 * @param member e.g. {@code serviceAccount:fullcourt-analytics@P.iam.gserviceaccount.com}
 */
public record IamBinding(String resource, String role, String member) {

    public IamBinding {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(member, "member");
    }

    @Override
    public String toString() {
        return role + " on " + resource + " to " + member;
    }
}
