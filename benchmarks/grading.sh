#!/usr/bin/env bash
# Grading benchmark: one lab of sixteen checks graded two ways against the same sandbox, by
# `kubelab check` and by a bash script that runs one kubectl per check (the killercoda / CK-X
# way). Prints both times, the ratio and the HTTP requests of one kubelab grading pass.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-dependencies"
swift build --package-path "$root" -c release --product kubelab >&2
kubelab="$root/.build/release/kubelab"
work="$(mktemp -d)"
export XDG_STATE_HOME="$work/state" KUBECACHEDIR="$work/kubectl-cache" KUBELAB_LABS="$root/benchmarks/grading"
trap 'kill "${sandbox_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

"$kubelab" sandbox --kubeconfig "$work/kubeconfig" > "$work/sandbox.out" &
sandbox_pid=$!
until grep -q '^Sandbox ready' "$work/sandbox.out"; do sleep 0.05; done
export KUBECONFIG="$work/kubeconfig"
(cd "$work" && "$kubelab" start grading-bench > /dev/null)
# Setup waits for the pods to exist; the checks want them ready, which a loaded machine reaches later.
kubectl rollout status deployment/web -n bench --timeout=120s > /dev/null
# Both graders must agree before they are timed.
"$kubelab" check --output json > "$work/check.json"
"$root/benchmarks/grading-checks.sh"
# kubectl caches discovery after its first run; the bash way is timed warm, as a verify script runs.
hyperfine --style none --warmup 2 --runs "${RUNS:-10}" --export-json "$work/times.json" \
  "$kubelab check" "$root/benchmarks/grading-checks.sh" > /dev/null

/usr/bin/python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
check = json.load(open(f"{work}/check.json"))
results = json.load(open(f"{work}/times.json"))["results"]
checks = sum(len(task["checks"]) for task in check["tasks"])
kubelab, bash = results[0]["mean"], results[1]["mean"]
print("kubelab grading benchmark (one lab, same sandbox, mean of the runs)")
print(f"  checks in the lab                             {checks:8d}")
print(f"  kubelab check (one process, one connection)   {kubelab*1000:8.1f} ms   {check['reads']} HTTP requests per grading pass")
print(f"  bash, one kubectl per check                   {bash*1000:8.1f} ms   ({checks} kubectl processes)")
print(f"  ratio                                         {bash/kubelab:8.1f}x faster with kubelab check")
PY
