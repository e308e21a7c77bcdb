#!/usr/bin/env bash
# Sandbox benchmark: start-to-first-response time, GET throughput over one loopback connection,
# each against a baseline measured in the same run, and the cost of the lazily read OpenAPI v3
# documents. Prints figures; asserts nothing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-dependencies"
swift build --package-path "$root" -c release --product kubelab >&2
kubelab="$root/.build/release/kubelab"
work="$(mktemp -d)"
trap 'kill "${sandbox_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
requests="${REQUESTS:-2000}"

# 1. Start to first response: launch `kubelab sandbox` and poll /version until it answers.
cat > "$work/start-once.sh" <<SCRIPT
#!/usr/bin/env bash
set -e
"$kubelab" sandbox --no-tls --kubeconfig "$work/start.kubeconfig" > "$work/start.out" &
pid=\$!
until url=\$(sed -n 's/^Sandbox ready: \([^ ]*\).*/\1/p' "$work/start.out") && [ -n "\$url" ] \
  && curl -sf "\$url/version" > /dev/null; do sleep 0.002; done
kill \$pid; wait \$pid
SCRIPT
chmod +x "$work/start-once.sh"
hyperfine --style none --warmup 1 --runs 10 --export-json "$work/start.json" \
  "$kubelab --help" "$work/start-once.sh" > /dev/null

# 2. GET throughput: one curl process sends every request over one kept-alive connection.
"$kubelab" sandbox --no-tls --kubeconfig "$work/bench.kubeconfig" > "$work/bench.out" &
sandbox_pid=$!
until url=$(sed -n 's/^Sandbox ready: \([^ ]*\).*/\1/p' "$work/bench.out") && [ -n "$url" ]; do sleep 0.05; done
make_config() { for _ in $(seq "$requests"); do echo "url = \"$url$1\""; echo "output = /dev/null"; done > "$2"; }
make_config /healthz "$work/healthz.curl"
make_config /api/v1/namespaces/kube-system/pods/etcd-controlplane "$work/get.curl"
make_config /api/v1/namespaces/kube-system/pods "$work/list.curl"
table='Accept: application/json;as=Table;v=v1;g=meta.k8s.io,application/json'
hyperfine --style none --warmup 1 --runs 5 --export-json "$work/get.json" \
  "curl -s -K $work/healthz.curl" "curl -s -K $work/get.curl" "curl -s -K $work/list.curl" \
  "curl -s -H '$table' -K $work/list.curl" > /dev/null

# 3. OpenAPI v3, read lazily: the first request for the largest document (api/v1) pays for reading
# it, later ones are served from memory; a client without gzip also pays for decompressing it.
openapi_url="$url$(curl -sf "$url/openapi/v3" | sed -n 's/.*"api\/v1":{"serverRelativeURL":"\([^"]*\)".*/\1/p')"
for label in first-gzip again-gzip plain; do
  case "$label" in plain) encoding=identity ;; *) encoding=gzip ;; esac
  curl -s -o /dev/null -H "Accept-Encoding: $encoding" -w "$label %{time_total} %{size_download}\n" "$openapi_url"
done > "$work/openapi.txt"

/usr/bin/python3 - "$work" "$requests" <<'PY'
import json, sys
work, n = sys.argv[1], int(sys.argv[2])
start = json.load(open(f"{work}/start.json"))["results"]
gets = json.load(open(f"{work}/get.json"))["results"]
process, sandbox = start[0]["mean"], start[1]["mean"]
print("kubelab sandbox benchmark")
print(f"  process start (kubelab --help), baseline     {process*1000:8.1f} ms")
print(f"  sandbox start to first /version response     {sandbox*1000:8.1f} ms   ({sandbox/process:.1f}x the baseline)")
labels = ["GET /healthz (baseline)", "GET one pod (JSON)", "LIST kube-system pods (JSON)", "LIST kube-system pods (Table)"]
base = gets[0]["mean"] / n
for label, result in zip(labels, gets):
    per = result["mean"] / n
    print(f"  {label:<34} {per*1e6:8.1f} us/request  {1/per:9.0f} req/s  ({per/base:.2f}x baseline)")
print(f"  ({n} requests per run over one kept-alive connection, mean of 5 runs)")
for line in open(f"{work}/openapi.txt"):
    label, seconds, size = line.split()
    print(f"  GET /openapi/v3/api/v1, {label:<12}           {float(seconds)*1000:8.1f} ms   ({int(size)//1024} KB)")
PY
