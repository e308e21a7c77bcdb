#!/usr/bin/env bash
# The sixteen checks of benchmarks/grading/Graders/grading-bench.yaml the way killercoda verify
# scripts and CK-X graders make them: one kubectl process per check. Exits 0 when all pass.
set -u
ns=bench
failed=0
check() { if ! eval "$1" > /dev/null 2>&1; then echo "FAIL: $1"; failed=1; fi; }
jp() { kubectl -n "$ns" get "$1" -o "jsonpath=$2"; }
check 'kubectl -n $ns get deployment web'
check '[ "$(jp deployment/web {.spec.replicas})" = 3 ]'
check '[ "$(jp deployment/web "{.spec.template.spec.containers[0].image}")" = nginx:1.27 ]'
check '[ "$(jp deployment/web {.metadata.labels.tier})" = frontend ]'
check '[ "$(jp deployment/web {.status.readyReplicas})" -ge 3 ]'
check '[ "$(jp deployment/web "{.spec.template.spec.containers[?(@.name==\"nginx\")].ports[0].containerPort}")" = 80 ]'
check '[ "$(kubectl -n $ns get pods -l app=web --no-headers | wc -l)" -eq 3 ]'
check '[ "$(kubectl -n $ns get pods -l app=web --field-selector status.phase=Running --no-headers | wc -l)" -eq 3 ]'
check '[ "$(kubectl -n $ns get pods -l app=web,tier=frontend --no-headers | wc -l)" -ge 3 ]'
check 'kubectl -n $ns get pods -l app=web -o "jsonpath={.items[*].spec.containers[0].image}" | grep -qw nginx:1.27'
check 'kubectl -n $ns get service web'
check '[ "$(jp service/web "{.spec.ports[0].port}")" = 80 ]'
check '[ "$(jp service/web {.spec.selector.app})" = web ]'
check '[ "$(jp service/web {.spec.type})" = ClusterIP ]'
check '[ "$(jp configmap/web-config {.data.mode})" = production ]'
check 'kubectl -n $ns get configmap web-config'
exit $failed
