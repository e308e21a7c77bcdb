# The scheduler's kubeconfig pointed at a file that is not on the node: it exits at once.
set -e
sed -i 's#- --kubeconfig=/etc/kubernetes/scheduler.conf#- --kubeconfig=/etc/kubernetes/kube-scheduler.conf#' \
  /etc/kubernetes/manifests/kube-scheduler.yaml
