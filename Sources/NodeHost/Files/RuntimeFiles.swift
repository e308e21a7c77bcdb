/// containerd's and the CNI's files: /etc/containerd/config.toml as `containerd config default`
/// prints it with the systemd cgroup driver kubeadm needs, flannel's conflist and subnet, and the
/// plugin binaries of the kubernetes-cni package (empty files: nothing here runs them).
enum RuntimeFiles {
  static let cniPlugins = [
    "bandwidth", "bridge", "dhcp", "dummy", "firewall", "flannel", "host-device", "host-local", "ipvlan", "LICENSE",
    "loopback", "macvlan", "portmap", "ptp", "README.md", "sbr", "static", "tap", "tuning", "vlan", "vrf",
  ]

  static func files(for node: NodeFacts) -> [NodeFile] {
    var files: [NodeFile] = [
      .text("/etc/containerd/config.toml", containerdConfig),
      .text("/etc/cni/net.d/10-flannel.conflist", flannelConflist),
      .text(
        "/run/flannel/subnet.env",
        "FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=\(flannelSubnet(node.podCIDR))\nFLANNEL_MTU=1450\n"
          + "FLANNEL_IPMASQ=true\n"),
      .directory("/var/log/pods"), .directory("/var/log/containers"),
      .directory("/var/lib/containerd"), .directory("/run/containerd"),
    ]
    for plugin in cniPlugins {
      files.append(
        .text("/opt/cni/bin/\(plugin)", "", mode: plugin.contains(".") || plugin == "LICENSE" ? 0o644 : 0o755))
    }
    return files
  }

  /// flannel gives a node the first address of its pod CIDR: 10.244.1.0/24 → 10.244.1.1/24.
  static func flannelSubnet(_ cidr: String) -> String {
    let parts = cidr.split(separator: "/")
    var octets = parts.first?.split(separator: ".").map(String.init) ?? []
    guard octets.count == 4 else { return cidr }
    octets[3] = "1"
    return octets.joined(separator: ".") + "/" + (parts.count > 1 ? String(parts[1]) : "24")
  }

  static let flannelConflist = """
    {
      "name": "cbr0",
      "cniVersion": "0.3.1",
      "plugins": [
        {
          "type": "flannel",
          "delegate": {
            "hairpinMode": true,
            "isDefaultGateway": true
          }
        },
        {
          "type": "portmap",
          "capabilities": {
            "portMappings": true
          }
        }
      ]
    }

    """

  static let containerdConfig = """
    disabled_plugins = []
    imports = []
    oom_score = 0
    plugin_dir = ""
    required_plugins = []
    root = "/var/lib/containerd"
    state = "/run/containerd"
    temp = ""
    version = 2

    [cgroup]
      path = ""

    [grpc]
      address = "/run/containerd/containerd.sock"
      gid = 0
      max_recv_message_size = 16777216
      max_send_message_size = 16777216
      uid = 0

    [plugins]

      [plugins."io.containerd.grpc.v1.cri"]
        device_ownership_from_security_context = false
        disable_apparmor = false
        disable_cgroup = false
        enable_selinux = false
        enable_unprivileged_icmp = false
        enable_unprivileged_ports = false
        max_concurrent_downloads = 3
        restrict_oom_score_adj = false
        sandbox_image = "registry.k8s.io/pause:3.8"
        stats_collect_period = 10

        [plugins."io.containerd.grpc.v1.cri".cni]
          bin_dir = "/opt/cni/bin"
          conf_dir = "/etc/cni/net.d"
          conf_template = ""
          ip_pref = ""
          max_conf_num = 1

        [plugins."io.containerd.grpc.v1.cri".containerd]
          default_runtime_name = "runc"
          snapshotter = "overlayfs"

          [plugins."io.containerd.grpc.v1.cri".containerd.runtimes]

            [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
              runtime_type = "io.containerd.runc.v2"

              [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                BinaryName = ""
                Root = ""
                ShimCgroup = ""
                SystemdCgroup = true

        [plugins."io.containerd.grpc.v1.cri".registry]
          config_path = ""

    """
}
