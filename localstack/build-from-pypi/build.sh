#!/usr/bin/env bash
# Builds a LocalStack 4.14.0 (community) image on a machine whose Docker engine cannot pull from Docker Hub,
# from LocalStack's own PyPI release (localstack-core==4.14.0, the code the official image runs) on a Debian
# trixie root (Python 3.13, which LocalStack 4.14 needs). Tags it $IMAGE (default below) and prints the tag.
#
#   bash localstack/build-from-pypi/build.sh       # build unless the tag exists; starts dockerd if needed
#   IMAGE=name:tag FORCE=1 localstack/build-from-pypi/build.sh
#
# Needs root, apt, and the Debian and PyPI package registries this machine is configured for. About 4-6 min.
# requirements.txt beside this file is the full, pinned dependency set (installed with --no-deps, so pip does no
# resolving): the unpinned PyPI metadata of localstack-core 4.14.0 resolves today to cbor2 6.x,
# cryptography 45+ and pyOpenSSL 25+, none of which that release can run with, and lacks service_identity.
# Testcontainers on such a machine also needs TESTCONTAINERS_RYUK_DISABLED=true (its reaper image cannot be
# pulled either).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
IMAGE=${IMAGE:-localstack-from-pypi:4.14.0}
log() { echo "[localstack-image] $*" >&2; }

if ! command -v docker >/dev/null || ! command -v debootstrap >/dev/null; then
  log "installing docker.io and debootstrap"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap >/dev/null
fi
if ! docker info >/dev/null 2>&1; then
  log "starting dockerd"
  (dockerd >/var/log/dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null 2>&1 || { log "dockerd did not start (see /var/log/dockerd.log)"; exit 1; }
fi
if [ -z "${FORCE:-}" ] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  log "$IMAGE already built"; echo "$IMAGE"; exit 0
fi

# the Debian mirror this machine's apt uses
mirror=$(grep -hoE '^URIs: *[^ ]+' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | awk '{print $2}')
[ -n "$mirror" ] || mirror=$(grep -hoE '^deb +[^ ]+' /etc/apt/sources.list 2>/dev/null | head -1 | awk '{print $2}')
[ -n "$mirror" ] || { log "no Debian mirror found in the apt sources"; exit 1; }

root=$(mktemp -d /tmp/localstack-rootfs.XXXXXX)
cleanup() { umount "$root/proc" 2>/dev/null || true; umount "$root/dev" 2>/dev/null || true; rm -rf "$root"; }
trap cleanup EXIT

log "debootstrap trixie (python3.13) into $root"
debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates trixie "$root" "$mirror" >/dev/null
# this machine's CA bundle and resolver, so pip inside the root reaches the registry the host reaches
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount --bind /dev "$root/dev"; mount -t proc proc "$root/proc"
cp "$here/requirements.txt" "$root/tmp/requirements.txt"

log "installing localstack-core 4.14.0 and its pinned dependencies"
chroot "$root" /usr/bin/python3 -m venv /opt/localstack
chroot "$root" env -u PIP_FIND_LINKS /opt/localstack/bin/pip install -q --no-deps -r /tmp/requirements.txt 2>&1 \
  | grep -v "WARNING: Location" || true
chroot "$root" /opt/localstack/bin/python -c 'import localstack.aws.components' \
  || { log "localstack does not import in the built root"; exit 1; }
umount "$root/proc"; umount "$root/dev"
rm -f "$root/tmp/requirements.txt"
: > "$root/etc/resolv.conf"

log "importing the root as $IMAGE"
tar -C "$root" -c . | docker import \
  -c 'ENV GATEWAY_LISTEN=0.0.0.0:4566' -c 'ENV PATH=/opt/localstack/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  -c 'EXPOSE 4566' -c 'CMD ["/opt/localstack/bin/python","-m","localstack.runtime.main"]' \
  - "$IMAGE" >/dev/null

log "smoke test: the image starts and prints Ready."
cid=$(docker run -d "$IMAGE")
ok=
for _ in $(seq 1 120); do docker logs "$cid" 2>&1 | grep -q '^Ready\.' && { ok=1; break; }; sleep 0.5; done
docker rm -f "$cid" >/dev/null
[ -n "$ok" ] || { log "$IMAGE did not print Ready."; exit 1; }
log "built $IMAGE"
echo "$IMAGE"
