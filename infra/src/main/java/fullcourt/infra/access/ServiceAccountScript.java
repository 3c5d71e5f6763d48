package fullcourt.infra.access;

import fullcourt.infra.deploy.CloudRunManifest;
import java.util.ArrayList;
import java.util.List;

/**
 * The grants no client library of this build can make, as a reviewed {@code gcloud} script: creating the service
 * accounts (IAM admin API), their project-level roles (Resource Manager), the exports bucket with its grant and the
 * dispatch key's secret (Secret Manager) with its accessors.
 * Generated from the same {@link AccessMatrix} as the grants provisioning makes itself, and checked in as
 * {@code infra/deploy/service-accounts.sh} (a test keeps the file equal to this output).
 */
public final class ServiceAccountScript {

    static final String PROJECT = "${PROJECT}";
    static final String BUCKET = "${BUCKET}";

    private ServiceAccountScript() {
    }

    public static String of(AccessMatrix matrix) {
        List<String> lines = new ArrayList<>(List.of(
                "#!/usr/bin/env bash",
                "# Service accounts, project roles and the exports bucket of a Fullcourt project: the part of provisioning",
                "# that needs the IAM admin and Resource Manager APIs. Generated from infra's AccessMatrix (the catalog",
                "# decides the grants) by `fullcourt provision --print-gcloud-script`; do not edit, regenerate.",
                "# Every command is idempotent. Run it before `fullcourt provision`, which grants these accounts their",
                "# Pub/Sub and BigQuery dataset roles.",
                "#",
                "# usage: infra/deploy/service-accounts.sh PROJECT BUCKET [LOCATION]",
                "set -euo pipefail",
                "PROJECT=\"${1:?usage: $0 PROJECT BUCKET [LOCATION]}\"",
                "BUCKET=\"${2:?usage: $0 PROJECT BUCKET [LOCATION]}\"",
                "LOCATION=\"${3:-US}\"",
                "",
                "# One service account per service."));
        for (ServiceAccess access : matrix.services()) {
            FullcourtService s = access.service();
            lines.add("gcloud iam service-accounts describe " + s.accountEmail(PROJECT) + " --project=\"$PROJECT\" >/dev/null 2>&1 \\");
            lines.add("  || gcloud iam service-accounts create " + s.accountId() + " --project=\"$PROJECT\""
                    + " --display-name=\"Fullcourt " + s.id() + "\"");
        }
        lines.add("");
        lines.add("# The exports bucket (Phase 6 writes gs://$BUCKET).");
        lines.add("gcloud storage buckets describe \"gs://$BUCKET\" --project=\"$PROJECT\" >/dev/null 2>&1 \\");
        lines.add("  || gcloud storage buckets create \"gs://$BUCKET\" --project=\"$PROJECT\" --location=\"$LOCATION\""
                + " --uniform-bucket-level-access");
        lines.add("");
        lines.add("# Project roles (query jobs) and the bucket role.");
        for (IamBinding b : matrix.projectAndBucketBindings(PROJECT, BUCKET)) {
            if (b.resource().startsWith("projects/")) {
                lines.add("gcloud projects add-iam-policy-binding \"$PROJECT\" --member=\"" + b.member() + "\" --role="
                        + b.role() + " --condition=None >/dev/null");
            } else {
                lines.add("gcloud storage buckets add-iam-policy-binding \"gs://$BUCKET\" --member=\"" + b.member()
                        + "\" --role=" + b.role() + " >/dev/null");
            }
        }
        lines.add("");
        lines.add("# The dispatch key (HMAC-SHA256 of dispatch tokens; README \"Production\"), the same for every service:");
        lines.add("# created once with a random value that is never printed, readable by the services' accounts only.");
        String secret = CloudRunManifest.DISPATCH_KEY_SECRET;
        lines.add("gcloud secrets describe " + secret + " --project=\"$PROJECT\" >/dev/null 2>&1 \\");
        lines.add("  || openssl rand -base64 48 | tr -d '\\n' | gcloud secrets create " + secret
                + " --project=\"$PROJECT\" --replication-policy=automatic --data-file=-");
        for (ServiceAccess access : matrix.services()) {
            lines.add("gcloud secrets add-iam-policy-binding " + secret + " --project=\"$PROJECT\" --member=\""
                    + access.service().member(PROJECT) + "\" --role=roles/secretmanager.secretAccessor >/dev/null");
        }
        lines.add("echo \"service accounts, project roles, the dispatch key and gs://$BUCKET ready in $PROJECT\"");
        return String.join("\n", lines) + "\n";
    }
}
