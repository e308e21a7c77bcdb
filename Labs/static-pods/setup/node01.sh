# node01's kubelet reads its static pods from /etc/kubelet.d, not from the usual folder.
set -e
mkdir -p /etc/kubelet.d
sed -i 's#^staticPodPath: .*#staticPodPath: /etc/kubelet.d#' /var/lib/kubelet/config.yaml
systemctl restart kubelet
cat > /etc/kubelet.d/cache.yaml <<'MANIFEST'
apiVersion: v1
kind: Pod
metadata:
  name: cache
  namespace: static-lab
  labels:
    app: cache
spec:
  containers:
    - name: cache
      image: nginx
MANIFEST
