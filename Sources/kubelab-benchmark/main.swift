import Foundation
import KubeClient
import KubeSim
import TestSupport

// Client benchmark: N sequential GETs of one pod from one TLS sandbox, three ways, in one run:
// kubelab's client (one process, one kept-alive connection), one `kubectl get` process per
// request, and one `curl` process per request. Prints the cost per request and the ratios.

let arguments = CommandLine.arguments.dropFirst()
func count(_ flag: String, _ fallback: Int) -> Int {
  guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.endIndex,
    let value = Int(arguments[index + 1]), value > 0
  else { return fallback }
  return value
}
let clientRequests = count("--client", 1000)
let processRequests = count("--processes", 40)
let path = "/api/v1/namespaces/kube-system/pods/etcd-controlplane"

let sandbox = try Sandbox(options: .init(tls: true))
try sandbox.start()
defer { sandbox.shutdown() }
let folder = NSTemporaryDirectory() + "kubelab-benchmark-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let kubeconfig = folder + "/kubeconfig"
try sandbox.writeKubeconfig(to: kubeconfig)

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try await body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

// 1. kubelab's client, loaded from the same kubeconfig kubectl uses.
let client = try KubeClient(endpoint: try KubeconfigLoader(explicitPath: kubeconfig).load())
_ = try await client.getJSON(path: path)  // warm-up: TLS handshake and first request
let ours = try await SequentialGetBenchmark.run(client: client, path: path, count: clientRequests)

// 2. One kubectl process per request, with a warm discovery cache, as a verify script runs it.
guard let kubectl = Kubectl(version: "1.33", kubeconfig: kubeconfig) else {
  FileHandle.standardError.write(Data("kubectl.1.33 is not installed beside the kubectl on PATH\n".utf8))
  exit(2)
}
let kubectlArguments = ["get", "pod", "etcd-controlplane", "-n", "kube-system", "-o", "json"]
try await kubectl.run(kubectlArguments)
let kubectlSeconds = try await seconds {
  for _ in 0..<processRequests { try await kubectl.run(kubectlArguments) }
}

// 3. One curl process per request, with the admin's certificate in files (removed afterwards).
let pki = sandbox.credentials!.pki
for (name, contents) in [("ca.pem", pki.caCertificatePEM), ("admin.pem", pki.admin.certificatePEM)] {
  try Data(contents.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
}
_ = FileManager.default.createFile(
  atPath: folder + "/admin-key.pem", contents: Data(pki.admin.privateKeyPEM.utf8),
  attributes: [.posixPermissions: 0o600])
let curlArguments = [
  "-sf", "-o", "/dev/null", "--cacert", folder + "/ca.pem", "--cert", folder + "/admin.pem", "--key",
  folder + "/admin-key.pem", sandbox.url + path,
]
let curlSeconds = try await seconds {
  for _ in 0..<processRequests { _ = try await ProcessRunner.run("/usr/bin/curl", curlArguments) }
}

let oursMS = ours.millisecondsPerRequest
let kubectlMS = kubectlSeconds * 1000 / Double(processRequests)
let curlMS = curlSeconds * 1000 / Double(processRequests)
func row(_ label: String, _ milliseconds: Double, _ requests: Int) -> String {
  label.padding(toLength: 38, withPad: " ", startingAt: 0) + String(format: "%9.3f ms/request", milliseconds)
    + "  (\(requests) requests)"
}
print("kubelab client benchmark: sequential GETs of \(path) from one TLS sandbox")
print(row("kubelab client (one process)", oursMS, clientRequests))
print(row("kubectl get, one process per request", kubectlMS, processRequests))
print(row("curl, one process per request", curlMS, processRequests))
print(
  String(
    format: "ratios: kubectl / client = %.1fx, curl / client = %.1fx, kubectl / curl = %.1fx", kubectlMS / oursMS,
    curlMS / oursMS, kubectlMS / curlMS))
print(
  "new connections during the client's \(clientRequests) timed requests: \(ours.connectionsOpened)"
    + " (they reused the one its warm-up request opened)")
