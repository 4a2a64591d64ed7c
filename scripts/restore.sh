#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database and media directory.
#
#   DATABASE_URL=postgres://…/coalition_restored MEDIA_ROOT=/srv/restored/media \
#     scripts/restore.sh /backups/coalition-20261124T020000Z
#
# It refuses a database that already has tables, so a typo cannot overwrite the live site.
set -euo pipefail

source_dir="${1:?usage: restore.sh <backup directory>}"
: "${DATABASE_URL:?DATABASE_URL must name the (empty) PostgreSQL database to restore into}"

( cd "$source_dir" && sha256sum --check --quiet SHA256SUMS )

tables="$(psql "$DATABASE_URL" --tuples-only --no-align \
  --command="select count(*) from information_schema.tables where table_schema = 'public'")"
if [[ "$tables" != "0" ]]; then
  echo "restore.sh: the database already has $tables tables; restore into an empty one." >&2
  exit 1
fi

pg_restore --no-owner --no-acl --exit-on-error --dbname="$DATABASE_URL" \
  "$source_dir/database.dump"

if [[ -f "$source_dir/media.tar.gz" ]]; then
  : "${MEDIA_ROOT:?MEDIA_ROOT must name the directory to restore the media into}"
  mkdir -p "$MEDIA_ROOT"
  tar --extract --gzip --file="$source_dir/media.tar.gz" --directory="$MEDIA_ROOT"
fi
echo "restored $source_dir"
