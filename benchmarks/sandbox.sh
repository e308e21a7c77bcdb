#!/usr/bin/env bash
# Sandbox benchmark: start-to-first-response time, GET throughput over one loopback connection,
# each against a baseline measured in the same run, the cost of the lazily read OpenAPI v3
# documents, GETs over 1 and 16 concurrent kept-alive connections, containers (run, exec,
# etcdctl in the etcd pod), a GET over kubectl port-forward and a wget of a Service from inside a
# pod. Prints figures; asserts nothing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# KUBELAB=<binary> measures that build instead (e.g. to compare a change with the build before it).
if [ -z "${KUBELAB:-}" ]; then
  "$root/scripts/install-dependencies"
  swift build --package-path "$root" -c release --product kubelab >&2
fi
kubelab="${KUBELAB:-$root/.build/release/kubelab}"
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
# 1b. Start to every node's tree written (its `.ready` marker): the trees are written in the
#     background after the sandbox serves, so 1 must not grow with them; this says how long a
#     `kubelab ssh` right after the start could wait, for the default and the HA topology.
cat > "$work/nodes-once.sh" <<SCRIPT
#!/usr/bin/env bash
set -e
state="\$(mktemp -d "$work/state.XXXX")"
XDG_STATE_HOME="\$state" "$kubelab" sandbox --no-tls --topology "\$1" --kubeconfig "\$state/kubeconfig" > /dev/null &
pid=\$!
until [ -e "\$state/kubelab/sandbox/nodes/.ready" ]; do sleep 0.002; done
kill \$pid; wait \$pid
rm -rf "\$state"
SCRIPT
chmod +x "$work/nodes-once.sh"
hyperfine --style none --warmup 1 --runs 10 --export-json "$work/start.json" \
  "$kubelab --help" "$work/start-once.sh" "$work/nodes-once.sh kubeadm" "$work/nodes-once.sh kubeadm-ha" > /dev/null

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
# (A build without /openapi/v3 gets 404s here, reported as they are.)
openapi_url="$url$(curl -sf "$url/openapi/v3" | sed -n 's/.*"api\/v1":{"serverRelativeURL":"\([^"]*\)".*/\1/p' || true)"
for label in first-gzip again-gzip plain; do
  case "$label" in plain) encoding=identity ;; *) encoding=gzip ;; esac
  curl -s -o /dev/null -H "Accept-Encoding: $encoding" -w "$label %{time_total} %{size_download} %{http_code}\n" \
    "$openapi_url"
done > "$work/openapi.txt"
# 4. Concurrent GETs: ApacheBench over kept-alive connections, one and then 16 at a time, with the
#    load generator on the same cores. HTTP/1.0 keep-alive, which the sandbox answers as such.
pod_url="$url/api/v1/namespaces/kube-system/pods/etcd-controlplane"
ab -q -k -c 1 -n "$requests" "$pod_url" > "$work/ab-1.txt"
ab -q -k -c 16 -n "$((requests * 8))" "$pod_url" > "$work/ab-16.txt"

# 5. Containers that run: `kubectl run busybox` to Running, and one `kubectl exec … -- true`
#    round trip next to a `kubectl get` of the same pod.
export KUBECONFIG="$work/bench.kubeconfig" KUBECACHEDIR="$work/kubectl-cache"
cat > "$work/run-once.sh" <<'SCRIPT'
#!/usr/bin/env bash
set -e
name="box-$RANDOM$RANDOM"
kubectl run "$name" --image=busybox -- sleep 3600 > /dev/null
until [ "$(kubectl get pod "$name" -o jsonpath='{.status.phase}')" = Running ]; do sleep 0.02; done
kubectl delete pod "$name" --wait=false > /dev/null
SCRIPT
chmod +x "$work/run-once.sh"
kubectl run bench --image=busybox -- sleep 3600 > /dev/null
until [ "$(kubectl get pod bench -o jsonpath='{.status.phase}')" = Running ]; do sleep 0.05; done
hyperfine --style none --warmup 1 --runs 5 --export-json "$work/run.json" "$work/run-once.sh" > /dev/null
hyperfine --style none --warmup 2 --runs 20 --export-json "$work/exec.json" \
  "kubectl get pod bench" "kubectl exec bench -- true" \
  "kubectl -n kube-system exec etcd-controlplane -- etcdctl version" > /dev/null

# 6. port-forward: one HTTP GET over a forwarded port to an nginx pod, each on a new connection
#    (so a new pair of SPDY streams), next to a GET of the sandbox's /healthz.
kubectl run web --image=nginx > /dev/null
until [ "$(kubectl get pod web -o jsonpath='{.status.phase}')" = Running ]; do sleep 0.05; done
kubectl port-forward pod/web :80 > "$work/forward.out" 2>&1 &
forward_pid=$!
until port=$(sed -n 's/^Forwarding from 127.0.0.1:\([0-9]*\) .*/\1/p' "$work/forward.out") && [ -n "$port" ]; do
  sleep 0.05
done
hyperfine --style none --warmup 2 --runs 50 --export-json "$work/forward.json" \
  "curl -sf -o /dev/null $url/healthz" "curl -sf -o /dev/null http://127.0.0.1:$port/" > /dev/null
kill "$forward_pid"

# 7. The pod network: `wget` of a Service by its DNS name from inside a pod (the command is the
#    kubelab binary asking the sandbox, which resolves, applies policies and answers with nginx's
#    page), next to `exec … -- true`.
kubectl expose pod web --port 80 > /dev/null
hyperfine --style none --warmup 2 --runs 20 --export-json "$work/network.json" \
  "kubectl exec bench -- true" "kubectl exec bench -- wget -qO- http://web" > /dev/null

/usr/bin/python3 - "$work" "$requests" <<'PY'
import json, re, sys
work, n = sys.argv[1], int(sys.argv[2])
start = json.load(open(f"{work}/start.json"))["results"]
gets = json.load(open(f"{work}/get.json"))["results"]
process, sandbox = start[0]["mean"], start[1]["mean"]
print("kubelab sandbox benchmark")
print(f"  process start (kubelab --help), baseline     {process*1000:8.1f} ms")
print(f"  sandbox start to first /version response     {sandbox*1000:8.1f} ms   ({sandbox/process:.1f}x the baseline)")
for label, result in zip(["kubeadm (1 node)", "kubeadm-ha (5 nodes)"], start[2:]):
    print(f"  start to node trees written, {label:<17} {result['mean']*1000:8.1f} ms   ({result['mean']/sandbox:.1f}x the first response)")
labels = ["GET /healthz (baseline)", "GET one pod (JSON)", "LIST kube-system pods (JSON)", "LIST kube-system pods (Table)"]
base = gets[0]["mean"] / n
for label, result in zip(labels, gets):
    per = result["mean"] / n
    print(f"  {label:<34} {per*1e6:8.1f} us/request  {1/per:9.0f} req/s  ({per/base:.2f}x baseline)")
print(f"  ({n} requests per run over one kept-alive connection, mean of 5 runs)")
for line in open(f"{work}/openapi.txt"):
    label, seconds, size, code = line.split()
    print(f"  GET /openapi/v3/api/v1, {label:<12}           {float(seconds)*1000:8.1f} ms   ({int(size)//1024} KB, HTTP {code})")
for connections in (1, 16):
    text = open(f"{work}/ab-{connections}.txt").read()
    rate = float(re.search(r"Requests per second:\s+([\d.]+)", text).group(1))
    p99 = int(re.search(r"^\s+99%\s+(\d+)", text, re.M).group(1))
    failed = int(re.search(r"Failed requests:\s+(\d+)", text).group(1))
    print(f"  GET one pod, ab -k -c {connections:<2}                {rate:9.0f} req/s  p99 {p99} ms  ({failed} failed)")
run = json.load(open(f"{work}/run.json"))["results"][0]["mean"]
get, exe, etcdctl = (r["mean"] for r in json.load(open(f"{work}/exec.json"))["results"])
print(f"  kubectl run busybox to Running (incl. the sandbox's 1 s pull step) {run*1000:8.1f} ms")
print(f"  kubectl get pod (baseline)                   {get*1000:8.1f} ms")
print(f"  kubectl exec … -- true                       {exe*1000:8.1f} ms   ({exe/get:.1f}x the baseline)")
print(f"  {'kubectl exec etcd-… -- etcdctl version':<45}{etcdctl*1000:8.1f} ms   ({etcdctl/get:.1f}x the baseline)")
healthz, forwarded = (r["mean"] for r in json.load(open(f"{work}/forward.json"))["results"])
print(f"  curl /healthz (baseline)                     {healthz*1000:8.1f} ms")
print(f"  curl over kubectl port-forward to nginx      {forwarded*1000:8.1f} ms   ({forwarded/healthz:.1f}x the baseline)")
true, fetched = (r["mean"] for r in json.load(open(f"{work}/network.json"))["results"])
print(f"  kubectl exec … -- true (baseline)            {true*1000:8.1f} ms")
print(f"  kubectl exec … -- wget -qO- http://web       {fetched*1000:8.1f} ms   ({fetched/true:.2f}x the baseline)")
PY
