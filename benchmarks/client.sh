#!/usr/bin/env bash
# Client benchmark: N sequential GETs against one sandbox with kubelab's client, with one kubectl
# process per request and with one curl process per request; prints costs and ratios.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-dependencies"
swift build --package-path "$root" -c release --product kubelab-benchmark >&2
exec "$root/.build/release/kubelab-benchmark" "$@"
