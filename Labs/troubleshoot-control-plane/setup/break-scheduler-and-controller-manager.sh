# A misspelt scheduler flag, and a controller-manager kubeconfig that is not on the node.
set -e
sed -i 's#- --bind-address=127.0.0.1#- --bind-addres=127.0.0.1#' /etc/kubernetes/manifests/kube-scheduler.yaml
sed -i 's#- --kubeconfig=/etc/kubernetes/controller-manager.conf#- --kubeconfig=/etc/kubernetes/kube-controller-manager.conf#' \
  /etc/kubernetes/manifests/kube-controller-manager.yaml
