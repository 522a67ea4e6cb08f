#!/usr/bin/env bash
# Builds chatda's container image as a Docker-archive tar, without a Docker daemon or a registry: the base image
# (build-base.sh: Debian + JRE 17), then the app on top of it with Jib (the app module's "image" profile).
# Prints the image tar's path and size; load it with `podman load -i` or `docker load -i`, or push it with skopeo.
#
#   deploy/image/build.sh [--reuse-base]    --reuse-base: keep an existing base tar instead of rebuilding it
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base="$here/target/chatda-base.tar"
image="$root/app/target/chatda-image.tar"

case "${1:-}" in
  --reuse-base) reuse=true ;;
  '') reuse=false ;;
  *) echo "usage: deploy/image/build.sh [--reuse-base]" >&2; exit 2 ;;
esac

if [ "$reuse" = false ] || [ ! -f "$base" ]; then
  "$here/build-base.sh" "$base" >/dev/null
fi
echo "build: base image $base ($(du -h "$base" | cut -f1))" >&2
(cd "$root" && ./mvnw -q -B -Pimage -Dmaven.test.skip=true -Dchatda.image.base="$base" -Dchatda.image.tar="$image" \
   -pl app -am package </dev/null)
printf '%s\t%s\n' "$image" "$(du -h "$image" | cut -f1)"
