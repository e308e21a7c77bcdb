import Foundation
import LabKit
import TestSupport
import Testing

/// Grading like an examiner (issue 12): right work done another way and right answers spelt
/// another way pass; work that skips what the task asked does not; a check on an untouched task
/// names what the learner can see, not the diagnosis.
@Suite("The library grades what its tasks ask, not one way of doing it")
struct ExaminerGradingTests {
  private func expect(
    _ result: TaskResult?, _ status: TaskResult.Status, hint: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let found = result?.checks.filter { $0.verdict != .pass }.map(\.message) ?? ["not graded"]
    #expect(result?.status == status, "\(found)", sourceLocation: sourceLocation)
    if let hint {
      #expect(result?.hint?.contains(hint) == true, "hint: \(result?.hint ?? "none")", sourceLocation: sourceLocation)
    }
  }

  @Test func servicesAreJudgedByThePodsTheyReach() async throws {
    try await TestGate.heavyTests.run {
      let attempt = try await LabAttempt("imperative-commands")
      // A selector with one label more than the task named, which the pod carries too.
      try await attempt.run(
        "kubectl run redis --image=redis:alpine --labels=tier=db,app=cache",
        "kubectl expose pod redis --name=redis-service --port=6379")
      expect(await attempt.grade("redis-service", waiting: .always), .passed)
      // A pod labelled app=httpd; the task never asked for run=httpd.
      try await attempt.run(
        "kubectl run httpd --image=httpd:alpine --labels=app=httpd --port=80", "kubectl expose pod httpd --port=80")
      expect(await attempt.grade("httpd-with-service", waiting: .always), .passed)
    }
  }

  @Test func imagesSpeltWithTheirRegistryPass() async throws {
    try await TestGate.heavyTests.run {
      let imperative = try await LabAttempt("imperative-commands")
      try await imperative.run("kubectl create deployment webapp --image=docker.io/kodekloud/webapp-color --replicas=3")
      expect(await imperative.grade("webapp-deployment"), .passed)

      let replicas = try await LabAttempt("replicasets")
      // A count is a question, not a choice among numbers that `2` would pick by position.
      expect(await replicas.grade("deleted-pod", answer: "2"), .failed)
      expect(await replicas.grade("deleted-pod", answer: "four"), .passed)
      try await replicas.run(
        "kubectl set image replicaset/new-replica-set busybox-container=docker.io/library/busybox",
        "kubectl delete pods -l name=busybox-pod --wait=false")
      expect(await replicas.grade("fix-image", waiting: .always), .passed)
    }
  }

  @Test func aManifestTaskNeedsTheFileFixed() async throws {
    try await TestGate.heavyTests.run {
      let attempt = try await LabAttempt("pods-yaml")
      try await attempt.run("kubectl run web-frontend --image=nginx:1.27 -l app=web,tier=frontend")
      expect(await attempt.grade("fix-manifest"), .partial, hint: "files/web-frontend.yaml is not fixed yet")
    }
  }

  @Test func answersSpeltAnotherWayPass() async throws {
    try await TestGate.heavyTests.run {
      let pods = try await LabAttempt("pods")
      // The question does not ask for the tag: busybox answers for busybox:1.36.
      for answer in ["busybox", "docker.io/library/busybox:1.36", "busybox:1.36"] {
        expect(await pods.grade("newpods-image", answer: answer), .passed)
      }
      expect(await pods.grade("newpods-image", answer: "busybox:1.35"), .failed)
      expect(await pods.grade("webapp-container-count", answer: "two"), .passed)
      expect(await pods.grade("webapp-images", answer: "agentx:latest, docker.io/library/nginx"), .passed)

      let runtimes = try await LabAttempt("container-runtimes")
      for answer in ["containerd 1.7.27", "1.7.27", "containerd://1.7.27"] {
        expect(await runtimes.grade("node-runtime", answer: answer), .passed)
      }
      for answer in ["/run/containerd/containerd.sock", "unix:///run/containerd/containerd.sock"] {
        expect(await runtimes.grade("cri-socket", answer: answer), .passed)
      }

      let etcd = try await LabAttempt("etcd-in-kubernetes", nodes: true)
      // This question asks for the tag.
      expect(await etcd.grade("etcd-image", answer: "etcd:3.5.21-0"), .passed)
      expect(await etcd.grade("etcd-image", answer: "etcd"), .failed)
      let urls = try #require(await etcd.loaded.expectedAnswer(etcd, task: "listen-client-urls"))
      let reversed = urls.split(separator: ",").reversed().joined(separator: ", ")
      expect(await etcd.grade("listen-client-urls", answer: reversed), .passed)
      expect(await etcd.grade("listen-client-urls", answer: "https://127.0.0.1:2379"), .failed)
    }
  }

  @Test func untouchedTasksShowTheSymptomNotTheDiagnosis() async throws {
    try await TestGate.heavyTests.run {
      let giveaways: [String: [String: [String]]] = [
        "control-plane": [
          "rescue-analytics": ["my-scheduler", "schedulerName"], "place-by-hand": ["taint", "nodeName"],
          "fix-scheduler": ["kubeconfig", "kube-scheduler.conf", "manifest"],
        ],
        "pods-yaml": ["fix-manifest": ["tab", "apiVersion", "lables", "v1"]],
        "services": ["fix-selector": ["app=frontend", "labelled"]],
        "replicasets": [
          "fix-apiversion": ["apps", "version"], "fix-selector": ["tier=", "selector"], "fix-image": ["busybox777"],
        ],
      ]
      for (lab, tasks) in giveaways {
        // control-plane breaks its scheduler on the node as it starts.
        let attempt = try await LabAttempt(lab, nodes: lab == "control-plane")
        for (task, words) in tasks {
          let hint = await attempt.grade(task)?.hint ?? ""
          #expect(!hint.isEmpty, "\(lab)/\(task) shows no hint")
          for word in words { #expect(!hint.contains(word), "\(lab)/\(task): \(hint)") }
        }
      }
    }
  }
}

extension LoadedLab {
  /// The grader's own answer to a question, read from the attempt's cluster now.
  func expectedAnswer(_ attempt: LabAttempt, task: String) async -> String? {
    var grading = LabGrading(lab: lab, grader: grader, cluster: attempt.cluster, workdir: attempt.workdir)
    grading.nodeLogin = attempt.nodeLogin
    return await grading.expectedAnswer(task: task)
  }
}
