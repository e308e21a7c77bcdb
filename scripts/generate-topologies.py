#!/usr/bin/env python3
"""Generate the multi-node sandbox topologies from the hand-edited single-node one.

Sources/KubeSim/Data/topologies/kubeadm.yaml is the only topology edited by hand; this script
derives from it:

  kubeadm-2node.yaml  the control plane, now tainted control-plane:NoSchedule as kubeadm leaves
                      it, plus worker node01 (192.168.100.11, pod CIDR 10.244.1.0/24)
  kubeadm-ha.yaml     three stacked-etcd control planes controlplane, controlplane02 and
                      controlplane03 (192.168.100.10, .12, .13), all tainted, plus workers node01
                      and node02 (192.168.100.11, .21)

Each added node gets its Node object, its node Lease and one pod of every DaemonSet; each added
control plane also gets its etcd, kube-apiserver, kube-controller-manager and kube-scheduler
static pods. Run it after editing kubeadm.yaml, then scripts/check-topology.py.

Usage: scripts/generate-topologies.py
"""
import copy
import hashlib
import sys
from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parent.parent / "Sources/KubeSim/Data/topologies"
FIRST_NODE, FIRST_IP = "controlplane", "192.168.100.10"
CONTROL_PLANE_TAINT = {"key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"}
STATIC_POD_PREFIXES = ("etcd-", "kube-apiserver-", "kube-controller-manager-", "kube-scheduler-")
# Labels only the control-plane node carries.
CONTROL_PLANE_LABELS = ("node-role.kubernetes.io/control-plane", "node.kubernetes.io/exclude-from-external-load-balancers")


def read(path):
    """The documents of a topology as (comment, object) pairs, the header comment apart."""
    text = path.read_text()
    header, *documents = text.split("\n---\n")
    pairs = []
    for document in documents:
        lines = document.split("\n")
        comment = [line for line in lines if line.startswith("#")]
        pairs.append(("\n".join(comment), yaml.safe_load(document)))
    return header, pairs


def dump(obj):
    return yaml.safe_dump(obj, sort_keys=False, default_flow_style=False, width=10_000, allow_unicode=True)


def digest(*parts, length):
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:length]


def pod_suffix(*parts):
    """Five characters of the alphabet the API server's generateName uses, stable per input."""
    alphabet = "bcdfghjklmnpqrstvwxz2456789"
    number = int(digest(*parts, length=16), 16)
    return "".join(alphabet[(number >> (5 * i)) % len(alphabet)] for i in range(5))


def moved(obj, node, ip):
    """A copy of a first-node object (node, static pod, DaemonSet pod, lease) for another node."""
    text = dump(obj).replace(FIRST_IP, ip).replace(FIRST_NODE, node)
    copied = yaml.safe_load(text)
    for statuses in ("containerStatuses", "initContainerStatuses"):
        for status in copied.get("status", {}).get(statuses, []):
            status["containerID"] = "containerd://" + digest(node, copied["metadata"]["name"], status["name"], length=64)
    return copied


def daemon_pod(pod, node, ip):
    copied = moved(pod, node, ip)
    prefix = pod["metadata"]["generateName"]
    copied["metadata"]["name"] = prefix + pod_suffix(prefix, node)
    return copied


def worker_node(node_object, name, ip, subnet):
    copied = moved(node_object, name, ip)
    for label in CONTROL_PLANE_LABELS:
        copied["metadata"]["labels"].pop(label, None)
    copied["spec"] = {"podCIDR": subnet, "podCIDRs": [subnet]}
    copied["status"]["nodeInfo"]["bootID"] = uuid_like(name, "boot")
    copied["status"]["nodeInfo"]["systemUUID"] = uuid_like(name, "system")
    copied["status"]["nodeInfo"]["machineID"] = digest(name, "machine", length=32)
    # A worker has pulled only what its DaemonSet pods run, and the pause image.
    copied["status"]["images"] = [
        image for image in copied["status"]["images"]
        if not any(part in image["names"][-1] for part in ("etcd", "kube-apiserver", "kube-controller", "kube-scheduler", "coredns"))
    ]
    return copied


def uuid_like(*parts):
    hexed = digest(*parts, length=32)
    return f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}"


def tainted(node_object):
    copied = copy.deepcopy(node_object)
    copied["spec"]["taints"] = [dict(CONTROL_PLANE_TAINT)]
    return copied


def kind_name(obj):
    return obj["kind"], obj["metadata"]["name"]


def build(pairs, control_planes, workers):
    """control_planes and workers: (name, ip, pod subnet); the first control plane is the original."""
    objects = [obj for _, obj in pairs]
    comments = {kind_name(obj): comment for comment, obj in pairs}
    by_key = {kind_name(obj): obj for obj in objects}
    node = by_key[("Node", FIRST_NODE)]
    daemon_sets = [obj for obj in objects if obj["kind"] == "DaemonSet"]
    daemon_pods = [obj for obj in objects if obj["kind"] == "Pod" and any(
        ref["kind"] == "DaemonSet" for ref in obj["metadata"].get("ownerReferences", []))]
    static_pods = [obj for obj in objects if obj["kind"] == "Pod" and obj["metadata"]["name"].startswith(STATIC_POD_PREFIXES)]
    lease = by_key[("Lease", FIRST_NODE)]
    added = []

    def add(obj, comment):
        added.append((comment, obj))

    for name, ip, subnet in control_planes[1:]:
        extra = moved(tainted(node), name, ip)
        extra["spec"]["podCIDR"], extra["spec"]["podCIDRs"] = subnet, [subnet]
        extra["status"]["nodeInfo"]["bootID"] = uuid_like(name, "boot")
        extra["status"]["nodeInfo"]["systemUUID"] = uuid_like(name, "system")
        extra["status"]["nodeInfo"]["machineID"] = digest(name, "machine", length=32)
        add(extra, f"# Node {name}: a further control-plane node (kubeadm join --control-plane)")
        for pod in static_pods:
            add(moved(pod, name, ip), comments[kind_name(pod)].replace(FIRST_NODE, name))
    for name, ip, subnet in workers:
        add(worker_node(node, name, ip, subnet), f"# Node {name}: a worker (kubeadm join)")
    for name, ip, _ in control_planes[1:] + workers:
        add(moved(lease, name, ip), f"# Lease {name} (node heartbeat)")
        for pod in daemon_pods:
            copied = daemon_pod(pod, name, ip)
            add(copied, f"# Pod {copied['metadata']['name']}")

    if len(control_planes) > 1:
        members = ",".join(f"{name}=https://{ip}:2380" for name, ip, _ in control_planes)
        for _, obj in added + pairs:
            if obj["kind"] == "Pod" and obj["metadata"]["name"].startswith("etcd-"):
                command = obj["spec"]["containers"][0]["command"]
                for index, flag in enumerate(command):
                    if flag.startswith("--initial-cluster="):
                        command[index] = "--initial-cluster=" + members
                if obj["metadata"]["name"] != "etcd-" + FIRST_NODE:
                    command.append("--initial-cluster-state=existing")
        ips = [ip for _, ip, _ in control_planes]
        by_key[("Endpoints", "kubernetes")]["subsets"][0]["addresses"] = [{"ip": ip} for ip in ips]
        by_key[("EndpointSlice", "kubernetes")]["endpoints"] = [
            {"addresses": [ip], "conditions": {"ready": True}} for ip in ips]

    node_count = len(control_planes) + len(workers)
    for daemon_set in daemon_sets:
        for field in ("currentNumberScheduled", "desiredNumberScheduled", "numberAvailable", "numberReady",
                      "updatedNumberScheduled"):
            if field in daemon_set.get("status", {}):
                daemon_set["status"][field] = node_count

    by_key[("Node", FIRST_NODE)].update(tainted(node))
    comments[("Node", FIRST_NODE)] = f"# Node {FIRST_NODE}: the first control-plane node, tainted NoSchedule"
    return [(comments[kind_name(obj)], obj) for _, obj in pairs] + added


def write(path, header, pairs):
    body = "".join(f"---\n{comment}\n{dump(obj)}" for comment, obj in pairs)
    path.write_text(header + "\n" + body)


def main():
    header, pairs = read(FOLDER / "kubeadm.yaml")
    intro = "\n".join(line for line in header.split("\n")[4:])
    write(FOLDER / "kubeadm-2node.yaml",
          "# Sandbox topology \"kubeadm-2node\": kubeadm v1.33.1 with one control plane and one worker.\n"
          "# GENERATED by scripts/generate-topologies.py from kubeadm.yaml: edit that file and rerun.\n#\n"
          "# Control-plane node `controlplane` (192.168.100.10, pod CIDR 10.244.0.0/24), tainted\n"
          "# node-role.kubernetes.io/control-plane:NoSchedule; worker `node01` (192.168.100.11,\n"
          "# pod CIDR 10.244.1.0/24). containerd, flannel v0.26.7, service CIDR 10.96.0.0/12.\n" + intro,
          build(copy.deepcopy(pairs), [(FIRST_NODE, FIRST_IP, "10.244.0.0/24")],
                [("node01", "192.168.100.11", "10.244.1.0/24")]))
    write(FOLDER / "kubeadm-ha.yaml",
          "# Sandbox topology \"kubeadm-ha\": kubeadm v1.33.1 with three stacked-etcd control planes, two workers.\n"
          "# GENERATED by scripts/generate-topologies.py from kubeadm.yaml: edit that file and rerun.\n#\n"
          "# Control planes `controlplane`, `controlplane02`, `controlplane03` (192.168.100.10, .12, .13;\n"
          "# pod CIDRs 10.244.0.0/24, 10.244.2.0/24, 10.244.3.0/24), all tainted control-plane:NoSchedule;\n"
          "# workers `node01`, `node02` (192.168.100.11, .21; 10.244.1.0/24, 10.244.4.0/24).\n" + intro,
          build(copy.deepcopy(pairs),
                [(FIRST_NODE, FIRST_IP, "10.244.0.0/24"), ("controlplane02", "192.168.100.12", "10.244.2.0/24"),
                 ("controlplane03", "192.168.100.13", "10.244.3.0/24")],
                [("node01", "192.168.100.11", "10.244.1.0/24"), ("node02", "192.168.100.21", "10.244.4.0/24")]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
