import Foundation
import LabKit
import TestSupport
import Testing

/// `kubelab ssh` against a running `kubelab sandbox`: scripts piped into a node's shell, the real
/// kubectl (1.33 and 1.31) beside it watching what the node's changes do to the cluster.
@Suite struct NodeShellTests {
  /// A sandbox of its own (these tests break and fix its nodes) and a way to run scripts on them.
  struct NodeSandbox {
    let sandbox: SandboxProcess
    let kubelab: String

    init(arguments: [String] = []) throws {
      sandbox = try SandboxProcess(arguments: arguments)
      kubelab = try BuiltProducts.kubelab()
    }

    func ssh(_ node: String?, _ script: String = "", timeout: TimeInterval = 60) async throws -> ProcessOutput {
      try await ProcessRunner.run(
        kubelab, ["ssh"] + (node.map { [$0] } ?? []) + ["--kubeconfig", sandbox.kubeconfig], input: script,
        timeout: timeout)
    }

    func kubectl(_ version: String) throws -> Kubectl {
      try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
    }

    /// Adds the unknown flag `--improve-speed=true` after `flag` in a control-plane manifest of
    /// controlplane, keeping the original in /root for `restoreManifest`.
    func breakManifest(_ file: String, after flag: String) async throws -> ProcessOutput {
      try await ssh(
        "controlplane",
        "cp /etc/kubernetes/manifests/\(file) /root/\(file)\n"
          + "sed -i 's/\(flag)/\(flag)\\n    - --improve-speed=true/' /etc/kubernetes/manifests/\(file)\n")
    }

    func restoreManifest(_ file: String) async throws -> ProcessOutput {
      try await ssh("controlplane", "cp /root/\(file) /etc/kubernetes/manifests/\(file)\n")
    }
  }

  static func withNodeSandbox(arguments: [String] = [], _ body: (NodeSandbox) async throws -> Void) async throws {
    try await TestGate.heavyTests.run(long: true) {
      let nodes = try NodeSandbox(arguments: arguments)
      defer { _ = nodes.sandbox.stop() }
      try await body(nodes)
    }
  }

  @Test func listsNodesAndLogsInAsRootOnTheNode() async throws {
    try await Self.withNodeSandbox { nodes in
      let list = try await nodes.ssh(nil)
      #expect(list.status == 0)
      #expect(list.stdout == "controlplane\n")
      let shell = try await nodes.ssh(
        "controlplane",
        """
        hostname
        whoami
        pwd
        grep -c BEGIN /etc/kubernetes/pki/apiserver.crt
        openssl x509 -noout -subject -in /etc/kubernetes/pki/apiserver.crt
        grep staticPodPath /var/lib/kubelet/config.yaml
        ls /etc/kubernetes/manifests
        kubectl get nodes --no-headers
        """)
      #expect(shell.status == 0, "\(shell.stderr)")
      let lines = shell.stdout.split(separator: "\n").map(String.init)
      #expect(Array(lines.prefix(4)) == ["controlplane", "root", "/root", "1"])
      #expect(lines.contains("subject=CN = kube-apiserver"))
      #expect(lines.contains("staticPodPath: /etc/kubernetes/manifests"))
      #expect(
        lines.contains("etcd.yaml") && lines.contains("kube-apiserver.yaml")
          && lines.contains("kube-controller-manager.yaml") && lines.contains("kube-scheduler.yaml"))
      #expect(lines.contains { $0.hasPrefix("controlplane") && $0.contains("Ready") })
    }
  }

  @Test func writesStayInsideTheNodesTree() async throws {
    try await Self.withNodeSandbox { nodes in
      let marker = "kubelab-node-test-" + UUID().uuidString.prefix(8)
      let shell = try await nodes.ssh(
        "controlplane",
        """
        touch /usr/\(marker) 2>/dev/null && echo usr-writable
        echo hello > /etc/\(marker) && echo etc-written
        ls /home | wc -l
        exit 7
        """)
      #expect(shell.status == 7)
      #expect(!shell.stdout.contains("usr-writable"))
      #expect(shell.stdout.contains("etc-written"))
      #expect(!FileManager.default.fileExists(atPath: "/etc/\(marker)"))
      #expect(!FileManager.default.fileExists(atPath: "/usr/\(marker)"))
      // The file went to the node's own /etc, which the next login sees.
      let again = try await nodes.ssh("controlplane", "cat /etc/\(marker)\n")
      #expect(again.stdout == "hello\n")
    }
  }

  @Test func aClusterThatIsNoSandboxIsRefusedInOneLine() async throws {
    let folder = NSTemporaryDirectory() + "kubelab-ssh-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let kubeconfig = folder + "/config"
    try """
    apiVersion: v1
    kind: Config
    clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
    users: [{name: u, user: {token: t}}]
    contexts: [{name: x, context: {cluster: c, user: u}}]
    current-context: x
    """.write(toFile: kubeconfig, atomically: true, encoding: .utf8)
    let output = try await ProcessRunner.run(
      try BuiltProducts.kubelab(), ["ssh", "controlplane", "--kubeconfig", kubeconfig])
    #expect(output.status == 3)
    #expect(
      output.stderr
        == "kubelab: https://127.0.0.1:1 is not a running kubelab sandbox: `kubelab ssh` logs into the nodes of a sandbox (start one with `kubelab sandbox` or `kubelab start LAB --sandbox`)\n"
    )
  }

  @Test func staticPodsFollowTheirManifests() async throws {
    try await Self.withNodeSandbox { nodes in
      let kubectl = try nodes.kubectl("1.33")
      let created = try await nodes.ssh(
        "controlplane",
        """
        cat > /etc/kubernetes/manifests/static-web.yaml <<'YAML'
        apiVersion: v1
        kind: Pod
        metadata:
          name: static-web
          labels:
            role: web
        spec:
          containers:
          - name: web
            image: nginx:1.27
        YAML
        """)
      #expect(created.status == 0, "\(created.stderr)")
      let running = try await kubectl.poll(["get", "pod", "static-web-controlplane", "-o", "jsonpath={.status.phase}"])
      {
        $0 == "Running"
      }
      #expect(running == "Running")
      let firstUID = try await kubectl.run(["get", "pod", "static-web-controlplane", "-o", "jsonpath={.metadata.uid}"])
        .stdout

      // kubectl delete of a mirror pod: the kubelet makes it again.
      #expect(try await kubectl.run(["delete", "pod", "static-web-controlplane", "--wait=false"]).status == 0)
      let recreated = try await kubectl.poll([
        "get", "pod", "static-web-controlplane", "-o", "jsonpath={.metadata.uid}",
      ]) {
        !$0.isEmpty && $0 != firstUID
      }
      #expect(!recreated.isEmpty && recreated != firstUID)

      // An edit recreates it with the new spec.
      _ = try await nodes.ssh(
        "controlplane", "sed -i 's/nginx:1.27/nginx:1.26/' /etc/kubernetes/manifests/static-web.yaml\n")
      let image = try await kubectl.poll(
        ["get", "pod", "static-web-controlplane", "-o", "jsonpath={.spec.containers[0].image}"]) { $0 == "nginx:1.26" }
      #expect(image == "nginx:1.26")

      // Removing the file removes the pod.
      _ = try await nodes.ssh("controlplane", "rm /etc/kubernetes/manifests/static-web.yaml\n")
      let gone = try await kubectl.poll(["get", "pods", "-o", "name"]) { !$0.contains("static-web-controlplane") }
      #expect(!gone.contains("static-web-controlplane"))
    }
  }

  @Test func aBrokenAPIServerManifestRefusesKubectlUntilFixed() async throws {
    try await Self.withNodeSandbox { nodes in
      let kubectl = try nodes.kubectl("1.31")
      #expect(try await kubectl.run(["get", "nodes"]).status == 0)
      let broken = try await nodes.breakManifest("kube-apiserver.yaml", after: "--secure-port=6443")
      #expect(broken.status == 0, "\(broken.stderr)")
      let failure = try await pollFailure(kubectl)
      #expect(failure.contains("refused"), "\(failure)")
      // The kubelet's journal and the node stay reachable: fix the file from the node.
      let fixed = try await nodes.restoreManifest("kube-apiserver.yaml")
      #expect(fixed.status == 0)
      let back = try await kubectl.poll(["get", "nodes", "--no-headers"]) { $0.contains("controlplane") }
      #expect(back.contains("controlplane"))
    }
  }

  @Test func aBrokenSchedulerManifestLeavesNewPodsPendingWithItsErrorInTheLog() async throws {
    try await Self.withNodeSandbox { nodes in
      let kubectl = try nodes.kubectl("1.31")
      let broken = try await nodes.breakManifest("kube-scheduler.yaml", after: "--leader-elect=true")
      #expect(broken.status == 0, "\(broken.stderr)")
      let log = try await kubectl.poll(["-n", "kube-system", "logs", "kube-scheduler-controlplane"]) {
        $0.contains("Error: unknown flag: --improve-speed")
      }
      #expect(log.contains("Error: unknown flag: --improve-speed"))
      #expect(try await kubectl.run(["run", "waiting", "--image=nginx"]).status == 0)
      // A second look after the scheduler would have bound it: still no node.
      let node = try await kubectl.poll(["get", "pod", "waiting", "-o", "jsonpath={.status.phase}/{.spec.nodeName}"]) {
        $0 == "Pending/"
      }
      #expect(node == "Pending/")
      _ = try await nodes.restoreManifest("kube-scheduler.yaml")
      let scheduled = try await kubectl.poll(["get", "pod", "waiting", "-o", "jsonpath={.spec.nodeName}"]) {
        $0 == "controlplane"
      }
      #expect(scheduled == "controlplane")
    }
  }

  @Test func journalctlFollowsUntilItsClientGoes() async throws {
    try await Self.withNodeSandbox { nodes in
      // `timeout` ends journalctl -f as Ctrl-C would: the sandbox must stop the follow, and the
      // restart logged while it follows must have reached it.
      let shell = try await nodes.ssh(
        "controlplane",
        """
        (sleep 1; systemctl restart kubelet) &
        timeout 3 journalctl -u kubelet -f -n 1
        echo "status=$?"
        journalctl -u kubelet --no-pager | grep -c 'Stopped kubelet: The Kubernetes Node Agent.'
        """)
      #expect(shell.stdout.contains("controlplane systemd[1]: Stopping kubelet: The Kubernetes Node Agent..."))
      #expect(shell.stdout.contains("status=124\n1\n"), "\(shell.stdout)")
    }
  }

  @Test func anInteractiveLoginShowsTheNodesPromptAndExitReturns() async throws {
    try await Self.withNodeSandbox { nodes in
      let command =
        "\(nodes.kubelab) ssh controlplane --kubeconfig \(nodes.sandbox.kubeconfig); echo ssh-ended-$?; sleep 60"
      try await TerminalSession.with(command) { terminal in
        let prompt = try await terminal.screen { $0.contains("root@controlplane:~#") }
        #expect(prompt.contains("root@controlplane:~#"), "\(prompt)")
        try await terminal.type("hostname; exit 5")
        let ended = try await terminal.screen { $0.contains("ssh-ended-") }
        #expect(ended.contains("controlplane\n") && ended.contains("ssh-ended-5"), "\(ended)")
      }
    }
  }

  /// Runs `kubectl get nodes` until its connection is refused, returning its error.
  private func pollFailure(_ kubectl: Kubectl) async throws -> String {
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      let output = try await kubectl.run(["get", "nodes", "--request-timeout=5s"])
      // The first failure may still be a connection cut as the listener closed; refusal follows.
      if output.status != 0, output.stderr.contains("refused") { return output.stderr }
      // The kubelet reads its manifests every second; look again shortly.
      try await Task.sleep(for: .milliseconds(300))
    }
    return ""
  }

  @Test func aStoppedKubeletMakesTheNodeNotReadyUntilStarted() async throws {
    try await Self.withNodeSandbox(arguments: ["--node-monitor-grace-period", "2"]) { nodes in
      let kubectl = try nodes.kubectl("1.33")
      let stopped = try await nodes.ssh("controlplane", "systemctl stop kubelet\nsystemctl is-active kubelet\n")
      #expect(stopped.stdout == "inactive\n")
      #expect(stopped.status == 3)
      let notReady = try await kubectl.poll(["get", "nodes", "--no-headers"]) { $0.contains("NotReady") }
      #expect(notReady.contains("NotReady"))
      let taints = try await kubectl.run(["get", "node", "controlplane", "-o", "jsonpath={.spec.taints[*].key}"]).stdout
      #expect(taints.contains("node.kubernetes.io/unreachable"))
      let reason = try await kubectl.run([
        "get", "node", "controlplane", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].message}",
      ]).stdout
      #expect(reason == "Kubelet stopped posting node status.")
      let status = try await nodes.ssh("controlplane", "systemctl status kubelet --no-pager\n")
      #expect(status.status == 3)
      #expect(status.stdout.contains("Active: inactive (dead) since"))
      _ = try await nodes.ssh("controlplane", "systemctl start kubelet\n")
      let ready = try await kubectl.poll(["get", "nodes", "--no-headers"]) { $0.contains(" Ready") }
      #expect(ready.contains(" Ready"))
    }
  }

  @Test func aBrokenKubeletConfigKeepsItRestartingWithTheErrorInTheJournal() async throws {
    try await Self.withNodeSandbox { nodes in
      let script = """
        sed -i 's#clientCAFile: /etc/kubernetes/pki/ca.crt#clientCAFile: /etc/kubernetes/pki/WRONG-CA-FILE.crt#' /var/lib/kubelet/config.yaml
        systemctl restart kubelet
        systemctl is-active kubelet
        journalctl -u kubelet --no-pager -n 5
        systemctl status kubelet | sed -n 5p
        """
      let shell = try await nodes.ssh("controlplane", script)
      #expect(shell.stdout.hasPrefix("activating\n"), "\(shell.stdout)")
      #expect(
        shell.stdout.contains(
          "run.go:72] \"command failed\" err=\"failed to construct kubelet dependencies: unable to load client CA file /etc/kubernetes/pki/WRONG-CA-FILE.crt: open /etc/kubernetes/pki/WRONG-CA-FILE.crt: no such file or directory\""
        ))
      #expect(shell.stdout.contains("kubelet.service: Main process exited, code=exited, status=1/FAILURE"))
      #expect(shell.stdout.contains("Active: activating (auto-restart) (Result: exit-code) since"))
      let fixed = try await nodes.ssh(
        "controlplane",
        "sed -i 's#WRONG-CA-FILE#ca#' /var/lib/kubelet/config.yaml\nsystemctl restart kubelet\nsystemctl is-active kubelet\n"
      )
      #expect(fixed.stdout == "active\n")
    }
  }
}

/// Grader checks that look at a node: files read and scripts run in the node's shell.
@Suite struct NodeCheckTests {
  static let lab = "id: demo\ntitle: Demo\nnamespace: default\ntasks:\n  - { id: t, ask: a, action: true }\n"
  static let grader = """
    lab: demo
    tasks:
      t:
        checks:
          - file: { node: controlplane, path: /etc/kubernetes/manifests/kube-apiserver.yaml, contains: "--secure-port=6443" }
          - file: { node: controlplane, path: /root/report.txt, exists: true }
          - script: systemctl is-active kubelet
            node: controlplane
          - script: grep -q done /root/report.txt
            node: controlplane
    """

  func grade(kubeconfig: String) async throws -> TaskResult {
    let lab = try #require(LabFormat.decodeLab(Array(Self.lab.utf8), file: "lab.yaml").value)
    let grader = try #require(LabFormat.decodeGrader(Array(Self.grader.utf8), file: "demo.yaml").value)
    var grading = LabGrading(
      lab: lab, grader: grader, cluster: try LabCluster(kubeconfig: kubeconfig, context: nil), workdir: nil)
    grading.nodeLogin = NodeLoginCommand(executable: try BuiltProducts.kubelab())
    return try #require(await grading.grade(answers: [:]).tasks.first)
  }

  @Test func nodeFileAndScriptChecksPassAndFail() async throws {
    try await NodeShellTests.withNodeSandbox { nodes in
      let before = try await grade(kubeconfig: nodes.sandbox.kubeconfig)
      #expect(before.checks.map(\.verdict) == [.pass, .fail, .pass, .fail], "\(before.checks.map(\.message))")
      #expect(before.checks[1].message == "the file /root/report.txt on controlplane does not exist")
      _ = try await nodes.ssh("controlplane", "echo done > /root/report.txt\n")
      let after = try await grade(kubeconfig: nodes.sandbox.kubeconfig)
      #expect(after.checks.map(\.verdict) == [.pass, .pass, .pass, .pass], "\(after.checks.map(\.message))")
    }
  }

  @Test func anAnswerReadFromANodesFileGradesPassAndFail() async throws {
    let lab = "id: demo\ntitle: Demo\nnamespace: default\ntasks:\n  - { id: q, ask: Where does etcd keep its data? }\n"
    let grader = """
      lab: demo
      tasks:
        q:
          answer:
            file: { node: controlplane, path: /etc/kubernetes/manifests/etcd.yaml }
            extract: "--data-dir=(\\\\S+)"
      """
    try await NodeShellTests.withNodeSandbox { nodes in
      let decodedLab = try #require(LabFormat.decodeLab(Array(lab.utf8), file: "lab.yaml").value)
      let decodedGrader = try #require(LabFormat.decodeGrader(Array(grader.utf8), file: "demo.yaml").value)
      var grading = LabGrading(
        lab: decodedLab, grader: decodedGrader,
        cluster: try LabCluster(kubeconfig: nodes.sandbox.kubeconfig, context: nil), workdir: nil)
      grading.nodeLogin = NodeLoginCommand(executable: try BuiltProducts.kubelab())
      #expect(await grading.expectedAnswer(task: "q") == "/var/lib/etcd")
      let right = try #require(await grading.grade(answers: ["q": "/var/lib/etcd"]).tasks.first)
      #expect(right.status == .passed, "\(right.checks.map(\.message))")
      // The learner's edit on the node moves the right answer with it.
      _ = try await nodes.ssh(
        "controlplane",
        "sed -i 's#--data-dir=/var/lib/etcd#--data-dir=/var/lib/etcd-new#' /etc/kubernetes/manifests/etcd.yaml\n")
      let moved = try #require(await grading.grade(answers: ["q": "/var/lib/etcd"]).tasks.first)
      #expect(moved.status == .failed, "\(moved.checks.map(\.message))")
      #expect(moved.checks.first?.message == "the answer \"/var/lib/etcd\" is not right")
    }
  }

  @Test func nodeChecksOnAClusterThatIsNoSandboxAreErrors() async throws {
    let sandbox = try sharedSandbox.get()
    // The shared sandbox's kubeconfig, pointed at a port where no sandbox records nodes.
    let config = try String(contentsOfFile: sandbox.kubeconfig, encoding: .utf8)
    let port = 1
    let other = NSTemporaryDirectory() + "kubelab-nodecheck-\(UUID().uuidString).kubeconfig"
    try config.replacingOccurrences(of: sandbox.url, with: "https://127.0.0.1:\(port)")
      .write(toFile: other, atomically: true, encoding: .utf8)
    let lab = try #require(LabFormat.decodeLab(Array(Self.lab.utf8), file: "lab.yaml").value)
    let grader = try #require(LabFormat.decodeGrader(Array(Self.grader.utf8), file: "demo.yaml").value)
    var grading = LabGrading(
      lab: lab, grader: grader, cluster: try LabCluster(kubeconfig: other, context: nil), workdir: nil)
    grading.nodeLogin = NodeLoginCommand(executable: try BuiltProducts.kubelab())
    let task = try #require(await grading.grade(answers: [:]).tasks.first)
    #expect(task.checks.map(\.verdict) == [.error, .error, .error, .error], "\(task.checks.map(\.message))")
  }
}
