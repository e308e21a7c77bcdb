/// etcdctl's connection flags, each also read from its ETCDCTL_* variable as etcdctl does.
struct EtcdClientOptions {
  static let flags: [ToolArguments.Option] = [
    .value("--endpoints"), .value("--cacert"), .value("--cert"), .value("--key"), .value("--user"),
    .value("--password"), .value("--dial-timeout"), .value("--command-timeout"), .value("--write-out", "-w"),
    .flag("--insecure-skip-tls-verify"), .flag("--insecure-transport"), .flag("--hex"), .flag("--debug"),
  ]

  var endpoints: [String]
  var caFile: String?
  var certFile: String?
  var keyFile: String?
  var skipVerify: Bool
  var writeOut: String

  init(_ arguments: ToolArguments, environment: [String: String]) {
    func setting(_ flag: String) -> String? {
      let variable = "ETCDCTL_" + flag.dropFirst(2).uppercased().replacingOccurrences(of: "-", with: "_")
      let value = arguments.value(flag) ?? environment[variable]
      return value?.isEmpty == true ? nil : value
    }
    endpoints = (setting("--endpoints") ?? "127.0.0.1:2379").split(separator: ",").map(String.init)
    caFile = setting("--cacert")
    certFile = setting("--cert")
    keyFile = setting("--key")
    skipVerify =
      arguments.has("--insecure-skip-tls-verify") || environment["ETCDCTL_INSECURE_SKIP_TLS_VERIFY"] == "true"
    writeOut = setting("--write-out") ?? "simple"
  }
}
