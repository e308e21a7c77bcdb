# node01's kubelet: a config path that is not there, a client CA file that is not there, and the
# service stopped and disabled.
set -e
sed -i 's#--config=/var/lib/kubelet/config.yaml#--config=/var/lib/kubelet/kubelet-config.yaml#' \
  /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf
sed -i 's#clientCAFile: /etc/kubernetes/pki/ca.crt#clientCAFile: /etc/kubernetes/pki/ca-bundle.crt#' \
  /var/lib/kubelet/config.yaml
systemctl daemon-reload
systemctl stop kubelet
systemctl disable kubelet 2> /dev/null
