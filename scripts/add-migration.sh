#!/usr/bin/env bash
# Adds one migration, under the same name, to every provider's migrations project (SQLite, SQL Server,
# PostgreSQL), as Bitwarden does. Usage: scripts/add-migration.sh MigrationName
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project=src/KhuyenCong.Data.Migrations.$provider
  echo "== $provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
