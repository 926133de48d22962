#!/usr/bin/env bash
# Fails when any provider's model snapshot is behind the model (a migration was forgotten).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project=src/KhuyenCong.Data.Migrations.$provider
  dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project"
done
