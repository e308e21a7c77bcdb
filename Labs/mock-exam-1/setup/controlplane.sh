# controlplane's scheduler given a flag kube-scheduler no longer has; the other control-plane
# nodes' schedulers keep scheduling.
set -e
sed -i 's#^    - --leader-elect=true$#    - --leader-elect=true\n    - --port=10251#' /etc/kubernetes/manifests/kube-scheduler.yaml
