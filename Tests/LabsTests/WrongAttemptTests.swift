import Foundation
import LabKit
import TestSupport
import Testing

/// Two typical wrong attempts at each lab of the library: each must earn the intended partial
/// score and show the hint that names the mistake. Each attempt starts from a freshly provisioned lab.
@Suite("Wrong attempts at the library's labs get the intended hint and partial score")
struct WrongAttemptTests {
  /// Asserts a task's grade: its status, its points (to the hundredth) and the hint it shows.
  func expect(
    _ result: TaskResult?, _ status: TaskResult.Status, earned: Double, hint: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let result else {
      Issue.record("the task was not graded", sourceLocation: sourceLocation)
      return
    }
    let found = result.checks.filter { $0.verdict != .pass }.map(\.message)
    #expect(result.status == status, "\(found)", sourceLocation: sourceLocation)
    #expect(abs(result.earned - earned) < 0.01, "earned \(result.earned): \(found)", sourceLocation: sourceLocation)
    if let hint {
      #expect(result.hint?.contains(hint) == true, "hint: \(result.hint ?? "none")", sourceLocation: sourceLocation)
    }
  }

  /// A wrong answer to a question: no points, and the grader has progressive hints to show.
  func expectWrong(_ attempt: LabAttempt, _ task: String, answer: String) async {
    expect(await attempt.grade(task, answer: answer), .failed, earned: 0)
    #expect(attempt.loaded.graderTask(task)?.hints.isEmpty == false, "\(task) has no hint to show")
  }

  @Test func pods() async throws {
    try await TestGate.heavyTests.run {
      let tag = try await LabAttempt("pods")
      try await tag.run(
        "kubectl run nginx --image=nginx:alpine", "kubectl wait --for=condition=Ready pod/nginx --timeout=60s")
      expect(await tag.grade("create-nginx"), .partial, earned: 4.0 / 3, hint: "does not run the image nginx")

      let imperative = try await LabAttempt("pods")
      try await imperative.run("kubectl run redis --image=redis123")
      expect(await imperative.grade("create-redis"), .partial, earned: 4.0 / 3, hint: "lacks the label app=redis")
    }
  }

  @Test func replicasets() async throws {
    try await TestGate.heavyTests.run {
      let template = try await LabAttempt("replicasets")
      try await template.run("kubectl set image replicaset/new-replica-set busybox-container=busybox")
      expect(
        await template.grade("fix-image"), .partial, earned: 2.0 / 3,
        hint: "Some pods of new-replica-set are not Running")

      let deleting = try await LabAttempt("replicasets")
      try await deleting.run("kubectl delete $(kubectl get pods -l name=busybox-pod -o name | head -2) --wait=false")
      expect(
        await deleting.grade("scale-down"), .failed, earned: 0, hint: "still asks for another number of replicas than 2"
      )
    }
  }

  @Test func deployments() async throws {
    try await TestGate.heavyTests.run {
      let tag = try await LabAttempt("deployments")
      try await tag.run(
        "kubectl create deployment httpd-frontend --image=httpd:2.4 --replicas=3",
        "kubectl rollout status deployment/httpd-frontend --timeout=60s")
      expect(await tag.grade("create-httpd"), .partial, earned: 2.25, hint: "does not run the image httpd:2.4-alpine")

      let noUndo = try await LabAttempt("deployments")
      try await noUndo.run(
        "kubectl set image deployment/webapp nginx=nginx:1.27", "kubectl rollout status deployment/webapp --timeout=60s"
      )
      expect(await noUndo.grade("rollout-undo"), .partial, earned: 2.0 / 3, hint: "does not run its previous image")
    }
  }

  @Test func namespaces() async throws {
    try await TestGate.heavyTests.run {
      let wrongNamespace = try await LabAttempt("namespaces")
      try await wrongNamespace.run("kubectl run redis --image=redis")
      expect(
        await wrongNamespace.grade("create-redis"), .failed, earned: 0,
        hint: "no pod named redis in the namespace finance")

      let copied = try await LabAttempt("namespaces")
      try await copied.run("kubectl run payroll --image=nginx:1.27 -n finance")
      expect(
        await copied.grade("move-payroll"), .partial, earned: 4.0 / 3, hint: "still exists in the namespace default")
    }
  }

  @Test func services() async throws {
    try await TestGate.heavyTests.run {
      let noNodePort = try await LabAttempt("services")
      try await noNodePort.run(
        "kubectl expose deployment simple-webapp-deployment --name=webapp-service --type=NodePort --port=8080")
      // Polled: the endpoints follow the Service a moment later.
      expect(
        await noNodePort.grade("create-nodeport", waiting: .always), .partial, earned: 2.25, hint: "nodePort 30080")

      let extraLabel = try await LabAttempt("services")
      try await extraLabel.run("kubectl set selector service frontend-svc app=front-end,tier=web")
      expect(
        await extraLabel.grade("fix-selector"), .failed, earned: 0, hint: "still reaches none of the pods of frontend")
    }
  }

  @Test func imperativeCommands() async throws {
    try await TestGate.heavyTests.run {
      let createService = try await LabAttempt("imperative-commands")
      try await createService.run("kubectl create service clusterip redis-service --tcp=6379:6379")
      expect(await createService.grade("redis-service"), .partial, earned: 1.5, hint: "does not reach the pod redis")

      let noLabel = try await LabAttempt("imperative-commands")
      try await noLabel.run(
        "kubectl run redis --image=redis:alpine", "kubectl create namespace dev-ns",
        "kubectl create deployment redis-deploy --image=redis --replicas=2")
      expect(await noLabel.grade("redis-pod"), .partial, earned: 2.0 / 3, hint: "lacks the label tier=db")
      expect(
        await noLabel.grade("dev-namespace"), .partial, earned: 0.5,
        hint: "no Deployment redis-deploy in the namespace dev-ns")
    }
  }

  @Test func podsYAML() async throws {
    try await TestGate.heavyTests.run {
      let droppedLabels = try await LabAttempt("pods-yaml")
      try await droppedLabels.run(
        "sed -i -e '/lables:/d' -e '/\tapp: web/d' -e '/\ttier: frontend/d' -e 's#^apiVersion: apps/v1$#apiVersion: v1#' files/web-frontend.yaml",
        "kubectl apply -f files/web-frontend.yaml")
      expect(
        await droppedLabels.grade("fix-manifest"), .partial, earned: 1.5,
        hint: "lacks the labels app=web and tier=frontend")

      let exitingHelper = try await LabAttempt("pods-yaml")
      try await exitingHelper.run(
        """
        kubectl apply -f - <<'EOF'
        apiVersion: v1
        kind: Pod
        metadata: { name: sidecar-demo, labels: { app: demo, tier: frontend } }
        spec:
          containers:
            - { name: web, image: nginx }
            - { name: helper, image: busybox }
        EOF
        """)
      expect(await exitingHelper.grade("two-containers"), .partial, earned: 2.5, hint: "helper is not ready")
    }
  }

  @Test func multiContainerPods() async throws {
    try await TestGate.heavyTests.run(long: true) {
      // The answers are in the containers' logs, where the questions send the learner.
      let separateVolumes = try await LabAttempt("multi-container-pods", containers: true)
      try await separateVolumes.run(
        "kubectl logs orders -c migrate | grep -qx 'migrating schema to version 12'",
        "kubectl logs orders -c audit | grep -qx 'audit token K7Q2X'")
      await expectWrong(separateVolumes, "audit-log", answer: "X2Q7K")
      // Each container mounts a volume of its own: the sidecar never sees the app's file.
      try await separateVolumes.run(
        Self.applyLogShipper(
          volumes: ["app-logs", "shipper-logs"], shipperVolume: "shipper-logs",
          shipperCommand: "[sh, -c, 'tail -F /var/log/app/app.log']"),
        "kubectl wait --for=condition=Ready pod/log-shipper --timeout=60s",
        "kubectl exec log-shipper -c app -- sh -c 'until grep -q received /var/log/app/app.log; do sleep 0.2; done'")
      expect(
        await separateVolumes.grade("sidecar"), .partial, earned: 1,
        hint: "shipper does not see the app's lines")

      // The volume is shared, but the sidecar only sleeps: nothing reaches its log.
      let silentSidecar = try await LabAttempt("multi-container-pods", containers: true)
      try await silentSidecar.run(
        Self.applyLogShipper(volumes: ["app-logs"], shipperVolume: "app-logs", shipperCommand: "[sleep, \"3600\"]"),
        "kubectl wait --for=condition=Ready pod/log-shipper --timeout=60s",
        "kubectl exec log-shipper -c shipper -- sh -c 'until grep -q received /var/log/app/app.log; do sleep 0.2; done'"
      )
      expect(
        await silentSidecar.grade("sidecar"), .partial, earned: 2,
        hint: "log of the container shipper shows none of the app's lines")
    }
  }

  /// The pod log-shipper of multi-container-pods: the task's app, writing to the volume app-logs,
  /// and a sidecar shipper with the given command and volume.
  private static func applyLogShipper(volumes: [String], shipperVolume: String, shipperCommand: String) -> String {
    """
    kubectl apply -f - <<'EOF'
    apiVersion: v1
    kind: Pod
    metadata: { name: log-shipper }
    spec:
      volumes: [\(volumes.map { "{ name: \($0), emptyDir: {} }" }.joined(separator: ", "))]
      containers:
        - name: app
          image: busybox
          command: [sh, -c, 'while true; do echo "$(date) order received" >> /var/log/app/app.log; sleep 2; done']
          volumeMounts: [{ name: app-logs, mountPath: /var/log/app }]
        - name: shipper
          image: busybox
          command: \(shipperCommand)
          volumeMounts: [{ name: \(shipperVolume), mountPath: /var/log/app }]
    EOF
    """
  }

  @Test func logging() async throws {
    try await TestGate.heavyTests.run(long: true) {
      // The answers are in the logs the questions point at: -c web, and --previous for payment.
      let replaced = try await LabAttempt("logging", containers: true)
      try await replaced.run(
        "kubectl logs webapp -n logging -c web | grep -qx 'GET /admin 404'",
        "kubectl logs payment -n logging --previous | grep -q 'FATAL: merchant key /etc/payment/merchant-key.pem'",
        "! kubectl logs payment -n logging | grep -q FATAL")
      // The current log of payment, read without --previous, does not hold the failure.
      await expectWrong(replaced, "payment-error", answer: "payment processor running in degraded mode")
      // The crashing command replaced by one that sleeps: running, but no longer the app.
      try await replaced.run(
        "kubectl delete pod billing -n logging --wait=true",
        "kubectl run billing -n logging --image=busybox:1.36 -- sleep 3600",
        "kubectl wait --for=condition=Ready pod/billing -n logging --timeout=60s")
      expect(
        await replaced.grade("fix-billing"), .partial, earned: 1.5, hint: "no longer runs its own command")

      // The variable given under another name: the container still exits, again and again.
      let misnamed = try await LabAttempt("logging", containers: true)
      try await misnamed.run(
        "kubectl get pod billing -n logging -o yaml > billing.yaml",
        "sed -i 's/^  - command:$/  - env: [{ name: DB_HOSTNAME, value: db.logging.svc }]\\n    command:/' billing.yaml",
        "grep -q DB_HOSTNAME billing.yaml",
        "kubectl replace --force -f billing.yaml",
        "kubectl wait --for=jsonpath='{.status.containerStatuses[0].restartCount}'=2 pod/billing -n logging --timeout=60s"
      )
      expect(await misnamed.grade("fix-billing"), .failed, earned: 0, hint: "billing is not running steadily")
    }
  }

  @Test func configMapsAndSecrets() async throws {
    try await TestGate.heavyTests.run {
      // The values copied into the pod: the variables are right, but follow neither object.
      let copied = try await LabAttempt("configmaps-and-secrets", containers: true)
      try await copied.run(
        "kubectl run webapp -n config-lab --image=busybox --env=APP_COLOR=blue --env=DB_PASSWORD=Tr0ub4dor-42 -- sleep 3600",
        "kubectl wait --for=condition=Ready pod/webapp -n config-lab --timeout=60s")
      expect(
        await copied.grade("env-keys"), .partial, earned: 1.5,
        hint: "does not take APP_COLOR from the key APP_COLOR of the ConfigMap app-config")
      // The Secret made under the key's usual spelling in the docs: the pod still waits for API_KEY.
      try await copied.run("kubectl create secret generic payroll-secret -n config-lab --from-literal=api-key=pk-7731")
      expect(
        await copied.grade("fix-payroll"), .failed, earned: 0,
        hint: "The Secret payroll-secret in config-lab does not hold API_KEY=pk-7731")

      // The pod recreated to pick up the new theme: its file says dark, but so does its variable.
      let recreated = try await LabAttempt("configmaps-and-secrets", containers: true)
      try await recreated.run(
        "kubectl -n config-lab patch configmap dashboard-config --type merge -p '{\"data\":{\"theme\":\"dark\"}}'",
        "kubectl -n config-lab get pod dashboard -o yaml | kubectl replace --force -f -",
        "kubectl wait --for=condition=Ready pod/dashboard -n config-lab --timeout=60s",
        "kubectl exec dashboard -n config-lab -- sh -c 'until grep -qx dark /etc/dashboard/theme; do sleep 0.2; done'")
      expect(
        await recreated.grade("update-config"), .partial, earned: 2, hint: "it was recreated or restarted")
    }
  }

  @Test func etcdBasics() async throws {
    try await TestGate.heavyTests.run {
      let attempt = try await LabAttempt("etcd-basics")
      await expectWrong(attempt, "even-members", answer: "2")
      await expectWrong(attempt, "api-variable", answer: "ETCD_API")
    }
  }

  @Test func containerRuntimes() async throws {
    try await TestGate.heavyTests.run {
      let attempt = try await LabAttempt("container-runtimes")
      await expectWrong(attempt, "ctr", answer: "crictl")
      await expectWrong(attempt, "nerdctl-run", answer: "nerdctl run redis:alpine --name redis")
    }
  }
}
