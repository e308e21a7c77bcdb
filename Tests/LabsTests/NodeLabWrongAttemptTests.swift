import Foundation
import LabKit
import TestSupport
import Testing

/// Wrong attempts at the labs whose tasks are done on the nodes: each on a `kubelab sandbox` of
/// its own, the learner's node work piped into `kubelab ssh` as they would type it.
extension WrongAttemptTests {
  static let etcdCertificates =
    "--cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt"
    + " --key=/etc/kubernetes/pki/etcd/server.key"

  /// A shell command that writes what `command` prints to the file `path` of `node`, as a
  /// learner pipes a manifest made with `--dry-run=client -o yaml` into a static pod folder.
  static func write(_ command: String, to path: String, on node: String) -> String {
    "\(command) | (echo \"cat > \(path) <<'M'\"; cat; echo M) | kubelab ssh \(node)"
  }

  @Test func staticPods() async throws {
    try await TestGate.heavyTests.run(long: true) {
      // An ordinary pod made with kubectl is no static pod, and a mirror pod changed or deleted
      // with kubectl is not the static pod either: the kubelet keeps what its files say.
      let kubectlOnly = try await LabAttempt("static-pods", nodes: true)
      try await kubectlOnly.run(
        "kubectl run static-busybox -n static-lab --image=busybox:1.36 --command -- sleep 1000",
        "kubectl -n static-lab set image pod/cache-node01 cache=nginx:1.27",
        "kubectl -n static-lab delete pod legacy-report-controlplane")
      expect(
        await kubectlOnly.grade("create-static"), .failed, earned: 0,
        hint: "There is no static pod static-busybox-node01")
      expect(
        await kubectlOnly.grade("edit-static"), .failed, earned: 0,
        hint: "No manifest in node01's static pod folder names the image nginx:1.27")
      expect(
        await kubectlOnly.grade("delete-static"), .failed, earned: 0,
        hint: "legacy-report is still among controlplane's static pods")

      // The manifest in the right folder, but the image without its tag.
      let untagged = try await LabAttempt("static-pods", nodes: true)
      try await untagged.run(
        Self.write(
          "kubectl run static-busybox -n static-lab --image=busybox --dry-run=client -o yaml --command -- sleep 1000",
          to: "/etc/kubelet.d/static-busybox.yaml", on: "node01"),
        Self.until("kubectl -n static-lab get pod static-busybox-node01 -o jsonpath='{.status.phase}'", "Running"))
      expect(
        await untagged.grade("create-static"), .partial, earned: 2,
        hint: "does not run the image busybox:1.36")
    }
  }

  @Test func etcdBackupRestore() async throws {
    try await TestGate.heavyTests.run(long: true) {
      // etcd refuses a client without its certificates: no snapshot is saved.
      let noCertificates = try await LabAttempt("etcd-backup-restore", nodes: true)
      try await noCertificates.run(
        "echo 'etcdctl --endpoints=https://127.0.0.1:2379 snapshot save /opt/etcd-backup.db || true' | kubelab ssh controlplane"
      )
      expect(
        await noCertificates.grade("snapshot"), .failed, earned: 0, hint: "without the certificates etcd trusts")

      // Restored, but etcd still runs on its old folder: the Deployment stays lost.
      let notRepointed = try await LabAttempt("etcd-backup-restore", nodes: true)
      try await notRepointed.run(
        "echo 'etcdctl --endpoints=https://127.0.0.1:2379 \(Self.etcdCertificates) snapshot save /opt/etcd-backup.db' | kubelab ssh controlplane",
        "kubectl -n backup-lab delete deployment orders",
        "echo 'etcdutl snapshot restore /opt/etcd-backup.db --data-dir /var/lib/etcd-from-backup' | kubelab ssh controlplane"
      )
      expect(
        await notRepointed.grade("restore"), .partial, earned: 1,
        hint: "etcd's manifest on controlplane does not mount /var/lib/etcd-from-backup")
    }
  }
}

extension WrongAttemptTests {
  /// The API server fixed as its solution fixes it, and kubectl answering again.
  static let apiServerFixed = [
    "echo \"sed -i 's#pki/api-server.crt#pki/apiserver.crt#' /etc/kubernetes/manifests/kube-apiserver.yaml\" | kubelab ssh controlplane",
    "until kubectl get --raw /readyz > /dev/null 2>&1; do sleep 0.5; done",
  ]

  @Test func troubleshootControlPlane() async throws {
    try await TestGate.heavyTests.run(long: true) {
      // The pending pod placed by hand: it runs, but the scheduler is still down.
      let bypassed = try await LabAttempt("troubleshoot-control-plane", nodes: true)
      for command in Self.apiServerFixed { try await bypassed.run(command) }
      try await bypassed.run(
        "kubectl -n tcp-lab delete pod probe",
        """
        kubectl -n tcp-lab run probe --image=nginx --overrides='{"spec":{"nodeName":"controlplane"}}'
        """,
        "kubectl -n tcp-lab wait --for=condition=Ready pod/probe --timeout=60s")
      expect(
        await bypassed.grade("fix-scheduler"), .partial, earned: 1,
        hint: "The pod kube-scheduler-controlplane is not Running and ready")

      // The crashing mirror pod deleted: the kubelet starts it again from the same manifest.
      let restarted = try await LabAttempt("troubleshoot-control-plane", nodes: true)
      for command in Self.apiServerFixed { try await restarted.run(command) }
      try await restarted.run("kubectl -n kube-system delete pod kube-controller-manager-controlplane")
      expect(
        await restarted.grade("fix-controller-manager"), .failed, earned: 0,
        hint: "The pod kube-controller-manager-controlplane is not Running and ready")
    }
  }
}

extension WrongAttemptTests {
  @Test func troubleshootWorker() async throws {
    try await TestGate.heavyTests.run(long: true) {
      // Started, but its files still break it: systemd keeps restarting it.
      let startedOnly = try await LabAttempt("troubleshoot-worker", nodes: true)
      try await startedOnly.run("echo 'systemctl start kubelet' | kubelab ssh node01")
      expect(
        await startedOnly.grade("kubelet-running"), .failed, earned: 0,
        hint: "The kubelet on node01 is not active (running)")
      expect(
        await startedOnly.grade("config-path"), .failed, earned: 0, hint: "cannot load its config file")

      // Files fixed and the kubelet started, but left disabled.
      let notEnabled = try await LabAttempt("troubleshoot-worker", nodes: true)
      try await notEnabled.run(
        """
        kubelab ssh node01 <<'NODE'
        sed -i 's#--config=/var/lib/kubelet/kubelet-config.yaml#--config=/var/lib/kubelet/config.yaml#' \
          /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf
        sed -i 's#clientCAFile: .*#clientCAFile: /etc/kubernetes/pki/ca.crt#' /var/lib/kubelet/config.yaml
        systemctl daemon-reload
        systemctl restart kubelet
        NODE
        """)
      expect(
        await notEnabled.grade("kubelet-running"), .partial, earned: 2,
        hint: "would not start at the next boot")
      expect(await notEnabled.grade("client-ca"), .passed, earned: 2)
    }
  }
}

extension WrongAttemptTests {
  /// controlplane's packages pointed at v1.34 and kubeadm upgraded, as the solution starts.
  static let upgradeKubeadm = """
    sed -i 's#/v1.33/#/v1.34/#' /etc/apt/sources.list.d/kubernetes.list
    apt-get update > /dev/null
    apt-mark unhold kubeadm kubelet kubectl > /dev/null
    apt-get install -y kubeadm='1.34.1-*' > /dev/null
    """

  /// A shell loop that polls `command` until its output ends with `suffix` (what a learner would
  /// watch for before going on); the step's own timeout bounds it.
  static func until(_ command: String, _ suffix: String) -> String {
    "until \(command) | grep -q '\(suffix)$'; do sleep 0.5; done"
  }

  @Test func clusterUpgrade() async throws {
    try await TestGate.heavyTests.run(long: true) {
      // The control plane upgraded, the kubelet forgotten: the Node still reports v1.33.
      let noKubelet = try await LabAttempt("cluster-upgrade", nodes: true)
      try await noKubelet.run(
        "kubelab ssh controlplane <<'NODE'\n\(Self.upgradeKubeadm)\nkubeadm upgrade apply v1.34.1 -y\nNODE",
        // The kubelet moves the API server's mirror pod to the new image on its next read.
        Self.until(
          "kubectl -n kube-system get pod kube-apiserver-controlplane -o jsonpath='{.spec.containers[0].image}'",
          "v1.34.1"))
      expect(
        await noKubelet.grade("upgrade-controlplane"), .partial, earned: 2,
        hint: "The Node controlplane does not report kubelet v1.34.1")

      // node01 upgraded after its drain, but never uncordoned.
      let cordoned = try await LabAttempt("cluster-upgrade", nodes: true)
      try await cordoned.run(
        "kubectl drain node01 --ignore-daemonsets --delete-emptydir-data",
        """
        kubelab ssh node01 <<'NODE'
        \(Self.upgradeKubeadm)
        kubeadm upgrade node > /dev/null
        apt-get install -y kubelet='1.34.1-*' > /dev/null
        systemctl restart kubelet
        NODE
        """,
        Self.until("kubectl get node node01 -o jsonpath='{.status.nodeInfo.kubeletVersion}'", "v1.34.1"))
      expect(
        await cordoned.grade("upgrade-node01"), .partial, earned: 2,
        hint: "node01 does not take pods (it is cordoned)")
    }
  }
}

extension WrongAttemptTests {
  @Test func containerRuntimesOnNode01() async throws {
    try await TestGate.heavyTests.run(long: true) {
      // Images are per node: pulled on the node the learner was logged into, not on node01. And
      // nerdctl's 12-character ID of the container is not the one crictl ps shows.
      let wrongNode = try await LabAttempt("container-runtimes", nodes: true)
      try await wrongNode.run("echo 'crictl pull busybox:1.36' | kubelab ssh controlplane")
      expect(await wrongNode.grade("pull-image"), .failed, earned: 0, hint: "node01 holds no busybox image")
      let containerID = try #require(
        await wrongNode.loaded.expectedAnswer(wrongNode, task: "container-id"))
      await expectWrong(wrongNode, "container-id", answer: String(containerID.prefix(12)))

      // Pulled on node01, but without the tag: crictl pulls latest.
      let untagged = try await LabAttempt("container-runtimes", nodes: true)
      try await untagged.run("echo 'crictl pull busybox' | kubelab ssh node01")
      expect(await untagged.grade("pull-image"), .partial, earned: 1, hint: "not with the tag 1.36")
    }
  }

  @Test func etcdBasicsOnControlplane() async throws {
    try await TestGate.heavyTests.run(long: true) {
      // Without the certificates etcd refuses the client: nothing is stored.
      let noCertificates = try await LabAttempt("etcd-basics", nodes: true)
      try await noCertificates.run(
        "echo 'etcdctl put /kubelab/color blue || true' | kubelab ssh controlplane")
      expect(
        await noCertificates.grade("etcd-put"), .failed, earned: 0, hint: "etcd holds no key /kubelab/color")
      // The same through kubectl exec into the etcd pod: its etcdctl is refused without them too.
      try await noCertificates.run(
        "kubectl -n kube-system exec etcd-controlplane -- etcdctl put /kubelab/size large || true")
      expect(
        await noCertificates.grade("etcd-exec"), .failed, earned: 0, hint: "etcd holds no key /kubelab/size")

      // The key stored with the right certificates, but another value.
      let wrongValue = try await LabAttempt("etcd-basics", nodes: true)
      try await wrongValue.run(
        "echo 'etcdctl \(Self.etcdCertificates) put /kubelab/color red' | kubelab ssh controlplane")
      expect(
        await wrongValue.grade("etcd-put"), .partial, earned: 1,
        hint: "The key /kubelab/color does not hold the value blue")
      try await wrongValue.run(
        "kubectl -n kube-system exec etcd-controlplane -- etcdctl \(Self.etcdCertificates) put /kubelab/size small")
      expect(
        await wrongValue.grade("etcd-exec"), .partial, earned: 1,
        hint: "The key /kubelab/size does not hold the value large")
    }
  }
}

extension WrongAttemptTests {
  @Test func etcdInKubernetes() async throws {
    try await TestGate.heavyTests.run(long: true) {
      let attempt = try await LabAttempt("etcd-in-kubernetes", nodes: true)
      // The pod's whole record saved (get without --keys-only), not its key alone.
      try await attempt.run(
        "kubectl run probe -n etcd-lab --image=nginx",
        "echo 'etcdctl \(Self.etcdCertificates) get /registry/pods/etcd-lab/probe > /opt/pod-key.txt' | kubelab ssh controlplane"
      )
      expect(await attempt.grade("pod-key"), .partial, earned: 2, hint: "does not hold the pod's key alone")
      // member list without the certificates: etcd refuses, and the file stays empty.
      try await attempt.run("echo 'etcdctl member list > /opt/etcd-members.txt || true' | kubelab ssh controlplane")
      expect(await attempt.grade("member-list"), .failed, earned: 0, hint: "is missing or empty")
      // The members as a table: all there, but not what member list prints.
      try await attempt.run(
        "echo 'etcdctl \(Self.etcdCertificates) member list -w table > /opt/etcd-members.txt' | kubelab ssh controlplane"
      )
      expect(
        await attempt.grade("member-list"), .partial, earned: 1, hint: "is not what etcdctl member list prints")
      // One of the three stacked members labelled.
      try await attempt.run("kubectl label node controlplane etcd-member=true")
      expect(
        await attempt.grade("label-members"), .partial, earned: 4.0 / 3,
        hint: "not exactly the nodes of the etcd pods")
    }
  }
}

extension WrongAttemptTests {
  @Test func controlPlane() async throws {
    try await TestGate.heavyTests.run(long: true) {
      let attempt = try await LabAttempt("control-plane", nodes: true)
      // The static pod's manifest written on the node the learner was logged into, not on node01.
      try await attempt.run(
        Self.write(
          "kubectl run static-web -n cp-lab --image=nginx:1.27 --dry-run=client -o yaml",
          to: "/etc/kubernetes/manifests/static-web.yaml", on: "controlplane"),
        Self.until("kubectl -n cp-lab get pod static-web-controlplane -o jsonpath='{.status.phase}'", "Running"))
      expect(
        await attempt.grade("static-on-node01"), .failed, earned: 0, hint: "There is no static pod static-web-node01")
      // Then on node01, but the image without its tag.
      try await attempt.run(
        Self.write(
          "kubectl run static-web -n cp-lab --image=nginx --dry-run=client -o yaml",
          to: "/etc/kubernetes/manifests/static-web.yaml", on: "node01"),
        Self.until("kubectl -n cp-lab get pod static-web-node01 -o jsonpath='{.status.phase}'", "Running"))
      expect(
        await attempt.grade("static-on-node01"), .partial, earned: 2, hint: "does not run the image nginx:1.27")
      // The pending pod placed by hand: it runs, but not where a scheduler put it, which still crashes.
      try await attempt.run(
        "kubectl -n cp-lab delete pod queued",
        """
        kubectl -n cp-lab run queued --image=nginx:1.27 --overrides='{"spec":{"nodeName":"node01"}}'
        """,
        "kubectl -n cp-lab wait --for=condition=Ready pod/queued --timeout=60s")
      expect(
        await attempt.grade("fix-scheduler"), .failed, earned: 0,
        hint: "The pod kube-scheduler-controlplane is not Running and ready")
      // The waiting pod deleted instead of rescued.
      try await attempt.run("kubectl delete pod analytics -n cp-lab")
      expect(await attempt.grade("rescue-analytics"), .failed, earned: 0, hint: "is not Running")
    }
  }
}

extension WrongAttemptTests {
  @Test func mockExam1() async throws {
    try await TestGate.heavyTests.run(long: true) {
      let attempt = try await LabAttempt("mock-exam-1", nodes: true)
      // A snapshot without the certificates: etcd refuses it, nothing is saved.
      try await attempt.run(
        "echo 'etcdctl --endpoints=https://127.0.0.1:2379 snapshot save /opt/etcd-snapshot.db || true' | kubelab ssh controlplane"
      )
      expect(
        await attempt.grade("etcd-snapshot"), .failed, earned: 0,
        hint: "There is no etcd snapshot at /opt/etcd-snapshot.db")
      // node02's kubelet started, but not enabled: it would stay down after a reboot.
      try await attempt.run(
        "echo 'systemctl start kubelet' | kubelab ssh node02",
        Self.until(
          "kubectl get node node02 -o jsonpath='{.status.conditions[?(@.type==\"Ready\")].status}'", "True"))
      expect(
        await attempt.grade("node02-kubelet"), .partial, earned: 7.0 * 2 / 3,
        hint: "would not start at the next boot")
      // The Ingress's paths made Exact (no * in --rule): the class and host are right.
      try await attempt.run(
        "kubectl create ingress shop -n net --class=nginx --rule='shop.example.com/api=api-svc:8080' --rule='shop.example.com/=frontend-svc:80'"
      )
      expect(
        await attempt.grade("ingress"), .partial, earned: 3.5,
        hint: "does not send /api to api-svc:8080 and / to frontend-svc:80, both Prefix")
      // The policy without ports: the api pods get in, but on every port of db (probed from the pods).
      try await attempt.run(
        """
        kubectl apply -f - <<'EOF'
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: db-allow-api, namespace: net }
        spec:
          podSelector: { matchLabels: { app: db } }
          policyTypes: [Ingress]
          ingress: [{ from: [{ podSelector: { matchLabels: { app: api } } }] }]
        EOF
        """)
      expect(
        await attempt.grade("network-policy"), .partial, earned: 4.5,
        hint: "The pods app=api of net also reach db on its port 9187")
    }
  }
}
