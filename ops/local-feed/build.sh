#!/usr/bin/env bash
# Rebuilds the local feed's metapackage from its nuspec (see the nuspec for why it exists).
# A .nupkg is a zip archive; a metapackage needs nothing in it but the nuspec and the OPC content types.
set -euo pipefail
cd "$(dirname "$0")"
id=Patched.DistributedLock.Postgres
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$id.nuspec" | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$id.nuspec" "$work/"
cat > "$work/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="nuspec" ContentType="application/octet" /></Types>
XML
rm -f "$id".*.nupkg
(cd "$work" && TZ=UTC touch -t 202601010000 ./* && zip -X -q "$OLDPWD/$id.$version.nupkg" "$id.nuspec" "[Content_Types].xml")
echo "built $id.$version.nupkg"
