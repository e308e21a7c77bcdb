# Waits until the kubelet has restarted both components from their broken manifests.
for component in kube-scheduler kube-controller-manager; do
  until kubectl -n kube-system logs "$component-controlplane" 2>/dev/null | grep -qE '^Error:|command failed'; do sleep 0.5; done
done
