# A forgotten static pod on controlplane, beside the control plane's own manifests.
set -e
cat > /etc/kubernetes/manifests/legacy-report.yaml <<'MANIFEST'
apiVersion: v1
kind: Pod
metadata:
  name: legacy-report
  namespace: static-lab
spec:
  containers:
    - name: report
      image: busybox:1.36
      command: ["sleep", "3600"]
MANIFEST
