/// The files `kubelab new` writes: a small working lab that shows each task kind.
struct LabScaffold {
  var id: String

  var files: [(path: String, text: String)] {
    [
      ("Labs/\(id)/lab.yaml", lab),
      ("Labs/\(id)/setup/web.yaml", setup),
      ("Graders/\(id).yaml", grader),
    ]
  }

  private var lab: String {
    """
    # What the learner sees and what `kubelab start` provisions. The format: docs/labs.md.
    id: \(id)
    title: \(id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " "))
    summary: Say here what this lab teaches.
    tags: [cka]
    duration: 15m
    topology: kubeadm
    namespace: \(id)
    passMark: 66
    setup:
      - namespace: \(id)
      - apply: setup/web.yaml
      - wait: { resource: pods, namespace: \(id), selector: app=web, count: 2, within: 1m }
    tasks:
      - id: pod-count
        ask: How many pods run in the namespace \(id)?
      - id: controller
        ask: Which kind of object keeps the pods of web running?
        choices: [Pod, ReplicaSet, Service, ConfigMap]
      - id: scale-web
        ask: Scale the deployment web to 3 replicas.
        action: true

    """
  }

  private var setup: String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      labels: { app: web }
    spec:
      replicas: 2
      selector:
        matchLabels: { app: web }
      template:
        metadata:
          labels: { app: web }
        spec:
          containers:
            - name: nginx
              image: nginx:1.27

    """
  }

  private var grader: String {
    """
    # The answer key of the lab \(id): answers, checks, hints and solutions. The format: docs/labs.md.
    lab: \(id)
    tasks:
      pod-count:
        answer:
          count: { resource: pods, namespace: \(id) }
        hints: [Run kubectl get pods -n \(id)., Count the rows without the header.]
        solution: kubectl get pods -n \(id) --no-headers | wc -l
      controller:
        answer: ReplicaSet
        hints: [Look at the ownerReferences of one of the pods.]
      scale-web:
        points: 2
        checks:
          - resource: deployments
            name: web
            jsonpath: .spec.replicas
            equals: "3"
            hint: The deployment web does not ask for 3 replicas yet.
          - resource: pods
            selector: app=web
            count: 3
            within: 1m
            hint: There are not 3 pods of web yet.
        solution: kubectl -n \(id) scale deployment web --replicas=3

    """
  }
}
