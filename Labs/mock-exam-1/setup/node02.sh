# node02's kubelet stopped and disabled, as after a botched maintenance.
set -e
systemctl stop kubelet
systemctl disable kubelet
