import Foundation
import KubeModel
import KubeSim
import TestSupport
import Testing
import X509

@testable import NodeTools

/// kubeadm and apt on a control-plane node: certificates read from and renewed in the node's
/// files, bootstrap tokens, and the upgrade procedure with kubeadm's and apt's refusals.
@Suite struct KubeadmTests {
  let fixture: NodeFixture

  init() throws {
    fixture = try NodeFixture()
  }

  @Test func versionIsTheInstalledPackages() async {
    let result = await fixture.run("kubeadm version -o short")
    #expect(result.stdout == "v1.33.1\n")
    let long = await fixture.run("kubeadm version")
    #expect(long.stdout.hasPrefix("kubeadm version: &version.Info{Major:\"1\", Minor:\"33\", EmulationMajor:\"\""))
  }

  @Test func checkExpirationReadsTheCertificatesOfTheNode() async throws {
    let pem = try #require(fixture.read("etc/kubernetes/pki/apiserver.crt"))
    let expiry = try #require(PEMCertificates.certificates(pem).first?.notValidAfter)
    let result = await fixture.run("kubeadm certs check-expiration")
    #expect(result.stdout.hasPrefix("[check-expiration] Reading configuration from the \"kubeadm-config\" ConfigMap"))
    let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("apiserver ") })
    #expect(line.contains(KubeadmRun.expiry(expiry)))
    #expect(line.contains("   364d   "))
    #expect(result.stdout.contains("CERTIFICATE AUTHORITY   EXPIRES"))
    try FileManager.default.removeItem(
      at: fixture.tree.appendingPathComponent("etc/kubernetes/pki/front-proxy-client.crt"))
    let missing = await fixture.run("kubeadm certs check-expiration")
    #expect(missing.stdout.contains("!MISSING! front-proxy-client"))
  }

  @Test func renewIssuesANewCertificateFromTheNodesCA() async throws {
    let before = try #require(fixture.read("etc/kubernetes/pki/apiserver.crt"))
    let admin = try #require(fixture.read("etc/kubernetes/admin.conf"))
    let result = await fixture.run("kubeadm certs renew all")
    #expect(result.status == 0)
    #expect(result.stdout.contains("certificate for serving the Kubernetes API renewed\n"))
    #expect(result.stdout.hasSuffix("so that they can use the new certificates.\n"))
    let after = try #require(fixture.read("etc/kubernetes/pki/apiserver.crt"))
    #expect(after != before)
    let caPEM = try #require(fixture.read("etc/kubernetes/pki/ca.crt"))
    let ca = try #require(PEMCertificates.certificates(caPEM).first)
    let renewed = try #require(PEMCertificates.certificates(after).first)
    #expect(PEMCertificates.isSigned(renewed, by: ca))
    #expect(fixture.read("etc/kubernetes/admin.conf") != admin)
    // The renewed pair still works as a pair: etcd accepts its renewed server certificate.
    let etcd = await fixture.run("etcdctl \(NodeFixture.etcdFlags) endpoint health")
    #expect(etcd.status == 0)
  }

  @Test func tokensAreBootstrapTokenSecrets() async throws {
    let join = await fixture.run("kubeadm token create --print-join-command")
    #expect(join.status == 0)
    let pattern =
      #"^kubeadm join 192\.168\.100\.10:6443 --token [a-z0-9]{6}\.[a-z0-9]{16} --discovery-token-ca-cert-hash sha256:[0-9a-f]{64} \n$"#
    #expect(join.stdout.range(of: pattern, options: .regularExpression) != nil)
    let token = String(join.stdout.split(separator: " ")[4])
    let list = await fixture.run("kubeadm token list")
    #expect(list.stdout.hasPrefix("TOKEN                     TTL       EXPIRES"))
    #expect(list.stdout.contains(token))
    #expect(list.stdout.contains("authentication,signing"))
  }

  @Test func upgradeFollowsTheRulesThenMovesTheControlPlane() async throws {
    try fixture.write(
      "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - command:\n    - kube-apiserver\n    image: registry.k8s.io/kube-apiserver:v1.33.1\n",
      to: "etc/kubernetes/manifests/kube-apiserver.yaml")
    let plan = await fixture.run("kubeadm upgrade plan")
    #expect(plan.stdout.contains("[upgrade/versions] Cluster version: 1.33.1\n"))
    #expect(plan.stdout.contains("\tkubeadm upgrade apply v1.34.1\n"))
    #expect(plan.stdout.contains("Note: Before you can perform this upgrade, you have to update kubeadm to v1.34.1.\n"))

    let tooEarly = await fixture.run("kubeadm upgrade apply v1.34.1 -y")
    #expect(tooEarly.status == 1)
    #expect(
      tooEarly.stderr.contains(
        "\t- Specified version to upgrade to \"v1.34.1\" is at least one minor release higher than the kubeadm minor release (34 > 33). Such an upgrade is not supported\n"
      ))
    let patch = await fixture.run("kubeadm upgrade apply v1.33.5 -y")
    #expect(patch.status == 1)
    #expect(patch.stderr.contains("is higher than the kubeadm version \"v1.33.1\". Upgrade kubeadm first"))
    #expect(patch.stderr.contains("Can be bypassed if you pass the --force flag\n"))
    let tooFar = await fixture.run("kubeadm upgrade apply v1.35.0 -y")
    #expect(tooFar.stderr.contains("kubeadm can upgrade only 1 minor version at a time"))

    // The package lists of the current series do not have 1.34.
    let notFound = await fixture.run("apt-get install -y kubeadm=1.34.1-1.1")
    #expect(notFound.status == 100)
    #expect(notFound.stderr == "E: Version '1.34.1-1.1' for 'kubeadm' was not found\n")
    try fixture.write(
      "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.34/deb/ /\n",
      to: "etc/apt/sources.list.d/kubernetes.list")
    #expect(await fixture.run("apt-get update").status == 0)
    let madison = await fixture.run("apt-cache madison kubeadm")
    #expect(
      madison.stdout.hasPrefix("   kubeadm | 1.34.1-1.1 | https://pkgs.k8s.io/core:/stable:/v1.34/deb  Packages\n"))
    let held = await fixture.run("apt-get install -y kubeadm=1.34.1-1.1")
    #expect(held.stderr == "E: Held packages were changed and -y was used without --allow-change-held-packages.\n")
    #expect(await fixture.run("apt-mark unhold kubeadm").stdout == "Canceled hold on kubeadm.\n")
    let installed = await fixture.run("apt-get install -y kubeadm=1.34.1-*")
    #expect(installed.stdout.contains("Setting up kubeadm (1.34.1-1.1) ...\n"))
    #expect(await fixture.run("apt-mark hold kubeadm").stdout == "kubeadm set on hold.\n")
    #expect(await fixture.run("kubeadm version -o short").stdout == "v1.34.1\n")

    let applied = await fixture.run("kubeadm upgrade apply v1.34.1 -y")
    #expect(applied.status == 0)
    #expect(
      applied.stdout.contains("[upgrade] SUCCESS! A control plane node of your cluster was upgraded to \"v1.34.1\".\n"))
    #expect(
      fixture.read("etc/kubernetes/manifests/kube-apiserver.yaml")?.contains(
        "image: registry.k8s.io/kube-apiserver:v1.34.1") == true)
    let mirror = fixture.pod("kube-system", "kube-apiserver-controlplane")
    #expect(
      mirror?[path: ["spec", "containers"]]?.arrayValue?.first?["image"] == "registry.k8s.io/kube-apiserver:v1.34.1")
    #expect(fixture.cluster.serverVersion.gitVersion == "v1.34.1")
    #expect(fixture.cluster.serverVersion.minor == "34")

    // The kubelet moves once its package is installed and it restarts.
    #expect(await fixture.run("apt-get install -y --allow-change-held-packages kubelet=1.34.1-1.1").status == 0)
    #expect(fixture.cluster.kubeletVersion(of: "controlplane") == "v1.33.1")
    #expect(await fixture.run("systemctl restart kubelet").status == 0)
    #expect(fixture.cluster.kubeletVersion(of: "controlplane") == "v1.34.1")

    // The real kubectl sees the upgraded cluster: the server's version and the node's.
    try await TestGate.heavyTests.run {
      for version in ["1.33", "1.31"] {
        let kubectl = try #require(try fixture.kubectl(version), "kubectl \(version) is missing")
        let nodes = try await kubectl("get nodes --no-headers")
        #expect(nodes.stdout.contains(" v1.34.1"), "kubectl \(version): \(nodes.stdout)\(nodes.stderr)")
        let versions = try JSON(parsing: try await kubectl("version -o json").stdout)
        #expect(versions[path: ["serverVersion", "gitVersion"]] == "v1.34.1")
      }
    }
  }

  @Test func upgradeNodeOnAWorkerUpgradesItsKubeletConfiguration() async throws {
    let worker = try NodeFixture(topology: "kubeadm-2node", node: "node01", controlPlane: false)
    let result = await worker.run("kubeadm upgrade node")
    #expect(result.status == 0)
    #expect(result.stdout.contains("[upgrade/control-plane] Skipping phase. Not a control plane node.\n"))
    #expect(
      result.stdout.contains(
        "[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!\n"))
    let plan = await worker.run("kubeadm upgrade plan")
    #expect(plan.status == 1)
    #expect(plan.stderr.hasPrefix("couldn't create a Kubernetes client from file \"/etc/kubernetes/admin.conf\""))
  }
}
