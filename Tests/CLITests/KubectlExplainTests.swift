import Foundation
import TestSupport
import Testing

/// `kubectl explain` against the sandbox's /openapi/v3, with the kubectl versions around the
/// server's (1.33): the same text a real v1.33 cluster gives, from the same documents.
@Suite struct KubectlExplainTests {
  static let versions = ["1.31", "1.33"]

  @Test(arguments: versions)
  func deploymentStrategy(version: String) async throws {
    let (kubectl, _) = try await kubectl(version)
    let output = try await kubectl("explain deploy.spec.strategy")
    #expect(output.status == 0, "\(output.stderr)")
    #expect(
      output.stdout == """
        GROUP:      apps
        KIND:       Deployment
        VERSION:    v1

        FIELD: strategy <DeploymentStrategy>


        DESCRIPTION:
            The deployment strategy to use to replace existing pods with new ones.
            DeploymentStrategy describes how to replace existing pods with new ones.
            
        FIELDS:
          rollingUpdate\t<RollingUpdateDeployment>
            Rolling update config params. Present only if DeploymentStrategyType =
            RollingUpdate.

          type\t<string>
          enum: Recreate, RollingUpdate
            Type of deployment. Can be "Recreate" or "RollingUpdate". Default is
            RollingUpdate.
            
            Possible enum values:
             - `"Recreate"` Kill all existing pods before creating new ones.
             - `"RollingUpdate"` Replace the old ReplicaSets by new one using rolling
            update i.e gradually scale down the old ReplicaSets and scale up the new
            one.



        """)
  }

  @Test(arguments: versions)
  func containersRecursive(version: String) async throws {
    let (kubectl, _) = try await kubectl(version)
    let output = try await kubectl("explain pod.spec.containers --recursive")
    #expect(output.status == 0, "\(output.stderr)")
    let text = output.stdout
    #expect(text.hasPrefix("KIND:       Pod\nVERSION:    v1\n\nFIELD: containers <[]Container>\n\n"))
    // Every field of a container, nested ones indented under theirs, required ones marked.
    for line in [
      "  name\t<string> -required-",
      "  image\t<string>",
      "  imagePullPolicy\t<string>\n  enum: Always, IfNotPresent, Never",
      "  env\t<[]EnvVar>\n    name\t<string> -required-\n    value\t<string>\n    valueFrom\t<EnvVarSource>",
      "  livenessProbe\t<Probe>\n    exec\t<ExecAction>\n      command\t<[]string>",
      "  resources\t<ResourceRequirements>",
      "    limits\t<map[string]Quantity>",
      "  ports\t<[]ContainerPort>\n    containerPort\t<integer> -required-",
      "    protocol\t<string>\n    enum: SCTP, TCP, UDP",
      "  volumeMounts\t<[]VolumeMount>",
    ] {
      #expect(text.contains(line), "missing: \(line)")
    }
    #expect(text.split(separator: "\n").count > 200)
  }

  /// The library's hints send learners to `kubectl explain <kind>` for the apiVersion
  /// (pods-yaml, replicasets, deployments): its header has the group and version.
  @Test(arguments: versions)
  func kindHeaderGivesGroupAndVersion(version: String) async throws {
    let (kubectl, _) = try await kubectl(version)
    let pod = try await kubectl("explain pod")
    #expect(pod.status == 0, "\(pod.stderr)")
    #expect(pod.stdout.hasPrefix("KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n"))
    #expect(pod.stdout.contains("FIELDS:\n  apiVersion\t<string>\n"))
    #expect(pod.stdout.contains("  spec\t<PodSpec>\n"))
    for (kind, name) in [("deployment", "Deployment"), ("replicaset", "ReplicaSet")] {
      let output = try await kubectl("explain \(kind)")
      #expect(output.status == 0, "\(output.stderr)")
      #expect(output.stdout.hasPrefix("GROUP:      apps\nKIND:       \(name)\nVERSION:    v1\n\n"))
    }
  }

  @Test func unknownFieldIsReportedAsOnARealCluster() async throws {
    let (kubectl, _) = try await kubectl("1.33")
    let output = try await kubectl("explain pod.spec.nosuchfield")
    #expect(output.status != 0)
    #expect(output.stderr.contains("field \"nosuchfield\" does not exist"), "\(output.stderr)")
  }
}
