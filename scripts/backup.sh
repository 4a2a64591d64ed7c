#!/usr/bin/env bash
# Back up Coalition CMS: the PostgreSQL database (pg_dump's custom format, compressed) and the
# media files, into one dated directory.
#
#   DATABASE_URL=postgres://… MEDIA_ROOT=/srv/coalition/media scripts/backup.sh /backups
#
# With media on S3 (AWS_STORAGE_BUCKET_NAME), back the bucket up with the provider's versioning
# or replication instead; MEDIA_ROOT is then skipped when it does not exist.
set -euo pipefail

target_root="${1:?usage: backup.sh <directory>}"
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$target_root/coalition-$stamp"
mkdir -p "$target"

# A consistent snapshot without stopping the site: pg_dump runs in one repeatable-read
# transaction. --no-owner/--no-acl let it be restored under another role.
pg_dump --format=custom --no-owner --no-acl --file="$target/database.dump" "$DATABASE_URL"

if [[ -n "${MEDIA_ROOT:-}" && -d "$MEDIA_ROOT" ]]; then
  tar --create --gzip --file="$target/media.tar.gz" --directory="$MEDIA_ROOT" .
fi

( cd "$target" && sha256sum -- * > SHA256SUMS )
echo "$target"
