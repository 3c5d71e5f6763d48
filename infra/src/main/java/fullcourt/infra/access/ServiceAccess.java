package fullcourt.infra.access;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one service may touch, and nothing more.
 *
 * @param subscriptions Pub/Sub subscriptions it pulls from (roles/pubsub.subscriber on each)
 * @param publishes Pub/Sub topics it publishes to (roles/pubsub.publisher on each)
 * @param writesDatasets BigQuery datasets it writes (roles/bigquery.dataEditor on each)
 * @param readsDatasets BigQuery datasets it only reads (roles/bigquery.dataViewer on each)
 * @param projectRoles roles it needs on the project itself (roles/bigquery.jobUser to run query jobs)
 * @param writesExports whether it writes the exports bucket (roles/storage.objectAdmin: files are overwritten)
 */
public record ServiceAccess(FullcourtService service, List<String> subscriptions, List<String> publishes,
                            Set<String> writesDatasets, Set<String> readsDatasets, List<String> projectRoles,
                            boolean writesExports) {

    public ServiceAccess {
        subscriptions = List.copyOf(subscriptions);
        publishes = List.copyOf(publishes);
        writesDatasets = Collections.unmodifiableSortedSet(new TreeSet<>(writesDatasets));
        readsDatasets = Collections.unmodifiableSortedSet(new TreeSet<>(readsDatasets));
        projectRoles = List.copyOf(projectRoles);
    }
}
