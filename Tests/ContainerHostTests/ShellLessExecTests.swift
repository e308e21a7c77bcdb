import Foundation
import TestSupport
import Testing

/// `kubectl exec` into a container whose image has no shell runs busybox in that container's
/// files, as an ephemeral debug container would; etcd's pod answers etcdctl as its node does.
@Suite struct ShellLessExecTests {
  @Test(arguments: streamingKubectlVersions)
  func anInteractiveShellInNginxSeesItsFiles(version: String) async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
      try await kubectl.run(["run", "nginx", "--image=nginx"])
      _ = try await kubectl.poll(["get", "pod", "nginx", "--no-headers"]) { $0.contains("Running") }
      let listed = try await kubectl.run(["exec", "nginx", "--", "ls", "/usr/share/nginx/html"])
      #expect(listed.stdout == "50x.html\nindex.html\n", "\(listed.stderr)")
      let conf = try await kubectl.run(["exec", "nginx", "--", "cat", "/etc/nginx/conf.d/default.conf"])
      #expect(conf.stdout.contains("root   /usr/share/nginx/html;"), "\(conf.stderr)")
      // No terminal here (the test's stdin is a file): kubectl says so and goes on without one.
      let shell = try await kubectl.run(
        ["exec", "-it", "nginx", "--", "sh"], input: "cd /usr/share/nginx/html && ls\nhostname\nexit 4\n")
      #expect(shell.status == 4, "\(shell.stderr)")
      #expect(shell.stdout == "50x.html\nindex.html\nnginx\n", "\(shell.stderr)")
      #expect(shell.stderr.contains("command terminated with exit code 4"), "\(shell.stderr)")
    }
  }

  @Test(arguments: streamingKubectlVersions)
  func etcdctlInTheEtcdPodReadsTheSandboxStore(version: String) async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
      let certificates = [
        "--cacert=/etc/kubernetes/pki/etcd/ca.crt", "--cert=/etc/kubernetes/pki/etcd/server.crt",
        "--key=/etc/kubernetes/pki/etcd/server.key",
      ]
      let etcd = ["-n", "kube-system", "exec", "etcd-controlplane", "--"]
      // The node's files (the certificates, its control socket) are written once the sandbox serves.
      _ = try await kubectl.poll(etcd + ["etcdctl", "version"]) { $0.contains("etcdctl version: 3.5") }
      try await kubectl.run(["create", "configmap", "marker", "--from-literal=k=v"])

      let keys = try await kubectl.run(etcd + ["etcdctl"] + certificates + ["get", "/", "--prefix", "--keys-only"])
      #expect(keys.status == 0, "\(keys.stderr)")
      #expect(keys.stdout.contains("/registry/configmaps/default/marker\n\n"), "\(keys.stdout)")
      #expect(keys.stdout.contains("/registry/pods/kube-system/etcd-controlplane\n"), "\(keys.stdout)")

      // As on a kubeadm etcd with TLS: without the certificates the client gets no answer.
      let bare = try await kubectl.run(etcd + ["etcdctl", "get", "/", "--prefix", "--keys-only"])
      #expect(bare.status == 1, "\(bare.stdout)")
      #expect(bare.stderr.contains("Error: context deadline exceeded"), "\(bare.stderr)")
      #expect(bare.stderr.contains("command terminated with exit code 1"), "\(bare.stderr)")

      let put = try await kubectl.run(
        etcd + [
          "sh", "-c",
          "ETCDCTL_API=3 etcdctl \(certificates.joined(separator: " ")) put /kubelab/greeting hello && "
            + "ETCDCTL_API=3 etcdctl \(certificates.joined(separator: " ")) get /kubelab/greeting --print-value-only",
        ])
      #expect(put.stdout == "OK\nhello\n", "\(put.stderr)")
    }
  }
}
