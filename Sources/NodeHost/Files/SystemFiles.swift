/// The little of /etc and root's home a node shell needs to feel like the node: its hostname,
/// users and groups, hosts, and a bash profile whose prompt is `root@NODE:~#`.
enum SystemFiles {
  static func files(for node: NodeFacts) -> [NodeFile] {
    [
      .text("/etc/hostname", node.name + "\n"),
      .text(
        "/etc/hosts",
        "127.0.0.1 localhost\n\(node.internalIP) \(node.name)\n\n::1 ip6-localhost ip6-loopback\n"),
      .text(
        "/etc/passwd",
        """
        root:x:0:0:root:/root:/bin/bash
        daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
        nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
        etcd:x:998:998::/var/lib/etcd:/usr/sbin/nologin

        """),
      .text("/etc/group", "root:x:0:\ndaemon:x:1:\nnogroup:x:65534:\netcd:x:998:\n"),
      .text("/etc/os-release", osRelease),
      .text("/etc/bash.bashrc", bashrc),
      .text("/root/.bashrc", "[ -f /etc/bash.bashrc ] && . /etc/bash.bashrc\n"),
      .text("/root/.profile", "[ -f ~/.bashrc ] && . ~/.bashrc\n"),
      .directory("/home"), .directory("/tmp", mode: 0o1777), .directory("/var/tmp", mode: 0o1777),
      .directory("/run/kubelab"),
    ]
  }

  /// The prompt, colours and completion Ubuntu's root shell has; `\h` is the node's hostname.
  static let bashrc = #"""
    # System-wide .bashrc of a kubelab sandbox node.
    [ -z "$PS1" ] && return
    shopt -s checkwinsize
    PS1='\u@\h:\w\$ '
    alias ls='ls --color=auto'
    alias ll='ls -alF'
    alias grep='grep --color=auto'
    alias k=kubectl

    """#

  static let osRelease = """
    PRETTY_NAME="Ubuntu 22.04.5 LTS"
    NAME="Ubuntu"
    VERSION_ID="22.04"
    VERSION="22.04.5 LTS (Jammy Jellyfish)"
    VERSION_CODENAME=jammy
    ID=ubuntu
    ID_LIKE=debian
    UBUNTU_CODENAME=jammy

    """
}
