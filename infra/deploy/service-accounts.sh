#!/usr/bin/env bash
# Service accounts, project roles and the exports bucket of a Fullcourt project: the part of provisioning
# that needs the IAM admin and Resource Manager APIs. Generated from infra's AccessMatrix (the catalog
# decides the grants) by `fullcourt provision --print-gcloud-script`; do not edit, regenerate.
# Every command is idempotent. Run it before `fullcourt provision`, which grants these accounts their
# Pub/Sub and BigQuery dataset roles.
#
# usage: infra/deploy/service-accounts.sh PROJECT BUCKET [LOCATION]
set -euo pipefail
PROJECT="${1:?usage: $0 PROJECT BUCKET [LOCATION]}"
BUCKET="${2:?usage: $0 PROJECT BUCKET [LOCATION]}"
LOCATION="${3:-US}"

# One service account per service.
gcloud iam service-accounts describe fullcourt-coordinator@${PROJECT}.iam.gserviceaccount.com --project="$PROJECT" >/dev/null 2>&1 \
  || gcloud iam service-accounts create fullcourt-coordinator --project="$PROJECT" --display-name="Fullcourt coordinator"
gcloud iam service-accounts describe fullcourt-analytics@${PROJECT}.iam.gserviceaccount.com --project="$PROJECT" >/dev/null 2>&1 \
  || gcloud iam service-accounts create fullcourt-analytics --project="$PROJECT" --display-name="Fullcourt analytics"
gcloud iam service-accounts describe fullcourt-precompute@${PROJECT}.iam.gserviceaccount.com --project="$PROJECT" >/dev/null 2>&1 \
  || gcloud iam service-accounts create fullcourt-precompute --project="$PROJECT" --display-name="Fullcourt precompute"
gcloud iam service-accounts describe fullcourt-predictions@${PROJECT}.iam.gserviceaccount.com --project="$PROJECT" >/dev/null 2>&1 \
  || gcloud iam service-accounts create fullcourt-predictions --project="$PROJECT" --display-name="Fullcourt predictions"
gcloud iam service-accounts describe fullcourt-publishing@${PROJECT}.iam.gserviceaccount.com --project="$PROJECT" >/dev/null 2>&1 \
  || gcloud iam service-accounts create fullcourt-publishing --project="$PROJECT" --display-name="Fullcourt publishing"

# The exports bucket (Phase 6 writes gs://$BUCKET).
gcloud storage buckets describe "gs://$BUCKET" --project="$PROJECT" >/dev/null 2>&1 \
  || gcloud storage buckets create "gs://$BUCKET" --project="$PROJECT" --location="$LOCATION" --uniform-bucket-level-access

# Project roles (query jobs) and the bucket role.
gcloud projects add-iam-policy-binding "$PROJECT" --member="serviceAccount:fullcourt-coordinator@${PROJECT}.iam.gserviceaccount.com" --role=roles/bigquery.jobUser --condition=None >/dev/null
gcloud projects add-iam-policy-binding "$PROJECT" --member="serviceAccount:fullcourt-analytics@${PROJECT}.iam.gserviceaccount.com" --role=roles/bigquery.jobUser --condition=None >/dev/null
gcloud projects add-iam-policy-binding "$PROJECT" --member="serviceAccount:fullcourt-precompute@${PROJECT}.iam.gserviceaccount.com" --role=roles/bigquery.jobUser --condition=None >/dev/null
gcloud projects add-iam-policy-binding "$PROJECT" --member="serviceAccount:fullcourt-predictions@${PROJECT}.iam.gserviceaccount.com" --role=roles/bigquery.jobUser --condition=None >/dev/null
gcloud projects add-iam-policy-binding "$PROJECT" --member="serviceAccount:fullcourt-publishing@${PROJECT}.iam.gserviceaccount.com" --role=roles/bigquery.jobUser --condition=None >/dev/null
gcloud storage buckets add-iam-policy-binding "gs://$BUCKET" --member="serviceAccount:fullcourt-publishing@${PROJECT}.iam.gserviceaccount.com" --role=roles/storage.objectAdmin >/dev/null

# The dispatch key (HMAC-SHA256 of dispatch tokens; README "Production"), the same for every service:
# created once with a random value that is never printed, readable by the services' accounts only.
gcloud secrets describe fullcourt-dispatch-key --project="$PROJECT" >/dev/null 2>&1 \
  || openssl rand -base64 48 | tr -d '\n' | gcloud secrets create fullcourt-dispatch-key --project="$PROJECT" --replication-policy=automatic --data-file=-
gcloud secrets add-iam-policy-binding fullcourt-dispatch-key --project="$PROJECT" --member="serviceAccount:fullcourt-coordinator@${PROJECT}.iam.gserviceaccount.com" --role=roles/secretmanager.secretAccessor >/dev/null
gcloud secrets add-iam-policy-binding fullcourt-dispatch-key --project="$PROJECT" --member="serviceAccount:fullcourt-analytics@${PROJECT}.iam.gserviceaccount.com" --role=roles/secretmanager.secretAccessor >/dev/null
gcloud secrets add-iam-policy-binding fullcourt-dispatch-key --project="$PROJECT" --member="serviceAccount:fullcourt-precompute@${PROJECT}.iam.gserviceaccount.com" --role=roles/secretmanager.secretAccessor >/dev/null
gcloud secrets add-iam-policy-binding fullcourt-dispatch-key --project="$PROJECT" --member="serviceAccount:fullcourt-predictions@${PROJECT}.iam.gserviceaccount.com" --role=roles/secretmanager.secretAccessor >/dev/null
gcloud secrets add-iam-policy-binding fullcourt-dispatch-key --project="$PROJECT" --member="serviceAccount:fullcourt-publishing@${PROJECT}.iam.gserviceaccount.com" --role=roles/secretmanager.secretAccessor >/dev/null
echo "service accounts, project roles, the dispatch key and gs://$BUCKET ready in $PROJECT"
