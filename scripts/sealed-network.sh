#!/usr/bin/env bash
# Runs a command inside a sealed test network, so the tests, the demo and the benchmark reach the simulated web the
# way a user's browser and command line reach the real one: through the system resolver, with no test door.
#
#   scripts/sealed-network.sh vitest run --project integration
#
# Inside (a network namespace and a mount namespace of their own; nothing here changes the machine's network):
#   - loopback, and the simulated web's public-looking addresses 23.192.0.0/16 held by loopback (each test world
#     serves its hosts on its own 23.192.N.10 and leaves 23.192.N.11 unserved, so connecting there is refused);
#   - one more interface, on a network that leads nowhere, with a default route: browsers see a network, not
#     "disconnected", and a packet to any other address goes nowhere (nothing leaves this namespace);
#   - /etc/hosts with localhost alone, and an /etc/resolv.conf naming a server nobody runs: each test world runs a
#     real DNS server (tests/fixtures/sealed/) and starts its browsers and command lines with its own resolv.conf.
# Needs root, or unprivileged user namespaces (then it runs as root inside a user namespace of its own).
set -euo pipefail

if [ "${1:-}" = "--inside" ]; then
  shift
  export PATH="$PATH:/usr/sbin:/sbin"
  ip link set lo up
  ip route add local 23.192.0.0/16 dev lo
  ip link add st-uplink type veth peer name st-nowhere
  ip addr add 192.0.2.1/24 dev st-uplink
  ip link set st-uplink up
  ip link set st-nowhere up
  ip route add default via 192.0.2.254 dev st-uplink
  etc="$(mktemp -d "${TMPDIR:-/tmp}/still-there-sealed-XXXXXX")"
  printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' > "$etc/hosts"
  printf 'nameserver 127.0.0.53\noptions timeout:5 attempts:2\n' > "$etc/resolv.conf"
  # Names come from files, then DNS: no mDNS, no systemd-resolved module that would skip resolv.conf.
  { grep -v '^hosts:' /etc/nsswitch.conf 2>/dev/null || true; echo 'hosts: files dns'; } > "$etc/nsswitch.conf"
  mount --bind "$etc/hosts" /etc/hosts
  mount --bind "$etc/resolv.conf" /etc/resolv.conf
  mount --bind "$etc/nsswitch.conf" /etc/nsswitch.conf
  export STILL_THERE_SEALED=1
  trap 'rm -rf "$etc"' EXIT
  "$@"
  exit $?
fi

if [ "${STILL_THERE_SEALED:-}" = "1" ]; then exec "$@"; fi
[ "$#" -gt 0 ] || { echo "usage: $0 command [args...]" >&2; exit 2; }

export PATH="$PATH:/usr/sbin:/sbin"
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(--map-root-user)
if ! command -v ip >/dev/null 2>&1 || ! unshare "${as_root[@]}" --mount --net true 2>/dev/null; then
  cat >&2 <<'MSG'
still-there: cannot make the sealed test network here.
  The integration and end-to-end tests, the demo and the benchmark run inside a network namespace of their own,
  so that every check goes through the system resolver exactly as a user's does, and nothing leaves this computer.
  That needs `unshare` and `ip` (Debian: util-linux, iproute2) and either root or unprivileged user namespaces
  (Debian/Ubuntu: `sysctl kernel.unprivileged_userns_clone=1`; Ubuntu 24.04 and later also
  `sysctl kernel.apparmor_restrict_unprivileged_userns=0`).
  Unit tests need none of this: `npm run test:unit`.
MSG
  exit 1
fi
exec unshare "${as_root[@]}" --mount --net --propagation private "$0" --inside "$@"
