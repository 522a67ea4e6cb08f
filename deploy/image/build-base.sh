#!/usr/bin/env bash
# Builds chatda's base image without a registry or a container engine: Debian 12 (bookworm) with only its
# essential packages and the headless OpenJDK 17 runtime, made by mmdebstrap from Debian's packages and saved
# as a Docker-archive tar (manifest.json, config, one layer) that Jib takes as its base (tar://).
#
#   deploy/image/build-base.sh [OUT.tar]     default: deploy/image/target/chatda-base.tar
#
# Needs root (mmdebstrap chroots to run the packages' install scripts) and apt access to a Debian mirror:
# by default the mirror this machine's apt uses; CHATDA_DEBIAN_MIRROR and CHATDA_DEBIAN_SECURITY override it.
# The image's user is chatda (uid/gid 10001), the uid the Kubernetes manifests run as.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/target/chatda-base.tar}"
suite=bookworm
image_user=10001

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v mmdebstrap >/dev/null 2>&1; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq mmdebstrap >/dev/null
fi

# The first URI of this machine's apt sources whose line matches $1 (grep -E) and not $2.
apt_uri() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
    [ ! -f "$f" ] || cat "$f"
  done | grep -E '^(URIs:|deb )' | grep -E -- "$1" | grep -vE -- "$2" \
    | sed -E 's/^URIs:[[:space:]]*//; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//' | awk 'NR == 1 { print $1 }' || true
}
mirror="${CHATDA_DEBIAN_MIRROR:-$(apt_uri '/debian/?([[:space:]]|$)' 'security|^#')}"
security="${CHATDA_DEBIAN_SECURITY:-$(apt_uri 'debian-security' '^#')}"
if [ -z "$mirror" ]; then
  echo "build-base: no Debian mirror in /etc/apt; set CHATDA_DEBIAN_MIRROR" >&2
  exit 1
fi
sources=("deb $mirror $suite main" "deb $mirror $suite-updates main")
[ -z "$security" ] || sources+=("deb $security $suite-security main")

arch="$(dpkg --print-architecture)"
work="$(mktemp -d "${TMPDIR:-/tmp}/chatda-base.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/image" "$(dirname "$out")"

# essential packages (coreutils, bash, dpkg; no apt) plus the JRE and what it depends on; documentation, man
# pages and translations left out, the packages' copyright files kept (man1 stays as a directory: the JRE's
# install script links its man pages there)
echo "build-base: bootstrapping Debian $suite ($arch) with openjdk-17-jre-headless from $mirror ..." >&2
# the hooks' $1 is the new root, expanded by mmdebstrap's hook shell, not here
# shellcheck disable=SC2016
mmdebstrap --variant=essential --arch="$arch" --include=openjdk-17-jre-headless \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook="echo 'chatda:x:$image_user:$image_user:chatda:/nonexistent:/usr/sbin/nologin' >> \"\$1/etc/passwd\"" \
  --customize-hook="echo 'chatda:x:$image_user:' >> \"\$1/etc/group\"" \
  --customize-hook='chroot "$1" java -version' \
  --customize-hook='test -s "$1/etc/ssl/certs/java/cacerts"' \
  "$suite" "$work/image/layer.tar" "${sources[@]}"

# no device nodes: the container runtime mounts /dev (and a rootless one can't unpack them)
tar --delete --wildcards -f "$work/image/layer.tar" './dev/?*'

# the Docker-archive around the layer: an image config naming the layer by its digest, and the manifest
layer_digest="sha256:$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)"
java_home="$(tar -tf "$work/image/layer.tar" | grep -oE '^\./usr/lib/jvm/java-17-openjdk-[a-z0-9]+/$' | head -1)"
java_home="${java_home#.}"
java_home="${java_home%/}"
created="$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%dT%H:%M:%SZ)"
cat > "$work/image/config.json" <<JSON
{"architecture":"$arch","os":"linux","created":"$created",
 "config":{"User":"$image_user:$image_user","WorkingDir":"/",
  "Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8","JAVA_HOME=$java_home"]},
 "rootfs":{"type":"layers","diff_ids":["$layer_digest"]},
 "history":[{"created":"$created","created_by":"deploy/image/build-base.sh: mmdebstrap $suite essential + openjdk-17-jre-headless"}]}
JSON
config_digest="$(sha256sum "$work/image/config.json" | cut -d' ' -f1)"
mv "$work/image/config.json" "$work/image/$config_digest.json"
printf '[{"Config":"%s.json","RepoTags":["chatda-base:%s-jre17"],"Layers":["layer.tar"]}]\n' \
  "$config_digest" "$suite" > "$work/image/manifest.json"
tar -C "$work/image" --owner=0 --group=0 --numeric-owner -cf "$out.tmp" manifest.json "$config_digest.json" layer.tar
mv -f "$out.tmp" "$out"
echo "$out"
