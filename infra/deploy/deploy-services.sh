#!/usr/bin/env bash
# Deploys Fullcourt's five Cloud Run services from infra/deploy/cloud-run/*.yaml (generated, see their headers):
# fills their ${...} placeholders and runs `gcloud run services replace` for each, coordinator last so that it
# dispatches only to workers that already run the new version.
#
# usage: infra/deploy/deploy-services.sh PROJECT REGION BUCKET [LOCATION] [TAG]
#   the images must have been pushed first (README "Production", step 4), tagged TAG (default 0.1.0-SNAPSHOT).
set -euo pipefail
PROJECT="${1:?usage: $0 PROJECT REGION BUCKET [LOCATION] [TAG]}"
REGION="${2:?usage: $0 PROJECT REGION BUCKET [LOCATION] [TAG]}"
BUCKET="${3:?usage: $0 PROJECT REGION BUCKET [LOCATION] [TAG]}"
LOCATION="${4:-US}"
TAG="${5:-0.1.0-SNAPSHOT}"
dir="$(cd "$(dirname "$0")" && pwd)/cloud-run"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for service in analytics precompute predictions publishing coordinator; do
  sed -e "s|\${PROJECT}|$PROJECT|g" -e "s|\${REGION}|$REGION|g" -e "s|\${LOCATION}|$LOCATION|g" \
      -e "s|\${BUCKET}|$BUCKET|g" -e "s|\${TAG}|$TAG|g" "$dir/fullcourt-$service.yaml" > "$work/fullcourt-$service.yaml"
  if grep -q '\${' "$work/fullcourt-$service.yaml"; then
    echo "deploy-services: unfilled placeholder in fullcourt-$service.yaml: $(grep -o '\${[A-Z_]*}' "$work/fullcourt-$service.yaml" | sort -u | tr '\n' ' ')" >&2
    exit 2
  fi
  gcloud run services replace "$work/fullcourt-$service.yaml" --project "$PROJECT" --region "$REGION"
done
echo "deployed the five Fullcourt services to $PROJECT ($REGION), images tagged $TAG"
