# The API server's serving certificate, pointed at a file that does not exist.
set -e
sed -i 's#- --tls-cert-file=/etc/kubernetes/pki/apiserver.crt#- --tls-cert-file=/etc/kubernetes/pki/api-server.crt#' \
  /etc/kubernetes/manifests/kube-apiserver.yaml
