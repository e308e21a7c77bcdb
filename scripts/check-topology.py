#!/usr/bin/env python3
"""Check the sandbox topology files (Sources/KubeSim/Data/topologies/*.yaml).

A topology is a multi-document YAML stream of full Kubernetes objects that KubeSim loads as-is,
filling in uids, resourceVersions, creation times and owner uids itself. Mistakes in such a file
only show up much later as a confusing `kubectl` answer, so this script checks up front that
every object is well formed and that the objects agree with each other (owners, selectors,
service endpoints, references to config maps, service accounts and priority classes).

Usage: scripts/check-topology.py [FILE ...]   (default: every topology in the package)
Exit status: 0 when every file is clean, 1 when a problem was found, 2 on a usage error.
"""

import ipaddress
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "Sources/KubeSim/Data/topologies"

# kind -> namespaced?  A kind missing here is reported, so a new kind gets a deliberate scope.
SCOPE = {
    "ClusterRole": False,
    "ClusterRoleBinding": False,
    "ConfigMap": True,
    "ControllerRevision": True,
    "DaemonSet": True,
    "Deployment": True,
    "EndpointSlice": True,
    "Endpoints": True,
    "Lease": True,
    "Namespace": False,
    "Node": False,
    "Pod": True,
    "PriorityClass": False,
    "ReplicaSet": True,
    "Role": True,
    "RoleBinding": True,
    "Secret": True,
    "Service": True,
    "ServiceAccount": True,
    "StatefulSet": True,
}

# Fields the sandbox assigns when it loads a topology; a value written here would be overwritten
# or, worse, collide with another object's.
SERVER_FILLED = ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink"]

PLACEHOLDERS = {"${START}", "${START_DATE}", "${CA_PEM}", "${CA_PEM_BASE64}"}
PLACEHOLDER_RE = re.compile(r"\$\{[^}]*\}")

# Keys whose values are times: they must be the start-time placeholder (or null, as an
# unprobed lastProbeTime is), so every object agrees on when the cluster came up.
TIME_KEYS = {
    "acquireTime", "finishedAt", "lastHeartbeatTime", "lastProbeTime", "lastTransitionTime",
    "lastUpdateTime", "renewTime", "startTime", "startedAt",
}
TIME_ANNOTATIONS = {"kubernetes.io/config.seen", "endpoints.kubernetes.io/last-change-trigger-time"}

# The alphabet Kubernetes uses for generated name suffixes (no vowels, no 0/1/3).
NAME_SUFFIX_RE = re.compile(r"[bcdfghjklmnpqrstvwxz2456789]{5}")
CONTAINER_ID_RE = re.compile(r"containerd://[0-9a-f]{64}")


class Topology:
    """The objects of one file, indexed for cross-reference checks."""

    def __init__(self, path):
        self.path = path
        self.objects = []  # (document number, object)
        self.problems = []

    def report(self, where, message):
        self.problems.append(f"{self.path}: {where}: {message}")

    def find(self, kind, name, namespace=None):
        for _, obj in self.objects:
            m = obj["metadata"]
            if obj["kind"] == kind and m["name"] == name and m.get("namespace") == namespace:
                return obj
        return None

    def of_kind(self, kind, namespace=None):
        return [o for _, o in self.objects if o["kind"] == kind and o["metadata"].get("namespace") == namespace]


def describe(number, obj):
    if not isinstance(obj, dict):
        return f"document {number}"
    m = obj.get("metadata") if isinstance(obj.get("metadata"), dict) else {}
    ns = f"{m['namespace']}/" if m.get("namespace") else ""
    return f"document {number} ({obj.get('kind', '?')} {ns}{m.get('name', '?')})"


def load(path):
    topo = Topology(path)
    try:
        documents = list(yaml.safe_load_all(path.read_text()))
    except (OSError, yaml.YAMLError) as error:
        topo.report("file", f"cannot be read as YAML: {error}")
        return topo
    for number, obj in enumerate(documents, start=1):
        if check_shape(topo, number, obj):
            topo.objects.append((number, obj))
    return topo


def check_shape(topo, number, obj):
    """Checks one object on its own; returns whether it is sound enough to cross-reference."""
    where = describe(number, obj)
    if not isinstance(obj, dict):
        topo.report(where, "is not a mapping (empty document or stray `---`?)")
        return False
    meta = obj.get("metadata")
    missing = [k for k in ("apiVersion", "kind") if not isinstance(obj.get(k), str) or not obj.get(k)]
    if not isinstance(meta, dict) or not isinstance(meta.get("name"), str) or not meta.get("name"):
        missing.append("metadata.name")
    if missing:
        topo.report(where, f"lacks {', '.join(missing)}")
        return False
    kind = obj["kind"]
    if kind not in SCOPE:
        topo.report(where, f"kind {kind} has no known scope; add it to SCOPE in {Path(__file__).name}")
        return False
    if SCOPE[kind] and not meta.get("namespace"):
        topo.report(where, "is namespaced but has no metadata.namespace")
    if not SCOPE[kind] and "namespace" in meta:
        topo.report(where, "is cluster-scoped but has metadata.namespace")
    for field in SERVER_FILLED:
        if field in meta:
            topo.report(where, f"sets metadata.{field}, which the sandbox fills in")
    for ref in meta.get("ownerReferences") or []:
        if "uid" in ref:
            topo.report(where, f"owner {ref.get('kind')} {ref.get('name')} has a uid; the sandbox resolves it")
    generate_name = meta.get("generateName")
    if generate_name and not (meta["name"].startswith(generate_name)
                              and NAME_SUFFIX_RE.fullmatch(meta["name"][len(generate_name):])):
        topo.report(where, f"name is not generateName {generate_name!r} plus a 5-character Kubernetes suffix")
    check_values(topo, where, obj, [])
    return True


def check_values(topo, where, value, path):
    """Walks every value: placeholders must be known ones, times must be the start placeholder."""
    if isinstance(value, dict):
        for key, item in value.items():
            is_time = key in TIME_KEYS or (path[-1:] == ["annotations"] and key in TIME_ANNOTATIONS)
            if is_time and item is not None and item != "${START}":
                topo.report(where, f"{'.'.join(path + [key])} is {item!r}, expected \"${{START}}\"")
            check_values(topo, where, item, path + [str(key)])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_values(topo, where, item, path + [str(index)])
    elif isinstance(value, str):
        for token in PLACEHOLDER_RE.findall(value):
            if token not in PLACEHOLDERS and not token.startswith("$("):
                topo.report(where, f"{'.'.join(path)} uses unknown placeholder {token}")


def check_references(topo):
    seen = Counter()
    for number, obj in topo.objects:
        where = describe(number, obj)
        meta = obj["metadata"]
        ns = meta.get("namespace")
        group = obj["apiVersion"].rsplit("/", 1)[0] if "/" in obj["apiVersion"] else ""
        seen[(group, obj["kind"], ns, meta["name"])] += 1
        if ns and not topo.find("Namespace", ns):
            topo.report(where, f"namespace {ns} is not defined")
        check_owners(topo, where, obj)
        if obj["kind"] in ("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"):
            check_selector(topo, where, obj)
        if obj["kind"] == "Pod":
            check_pod(topo, where, obj)
        if obj["kind"] == "Service":
            check_service(topo, where, obj)
        if obj["kind"] == "EndpointSlice":
            service = meta.get("labels", {}).get("kubernetes.io/service-name")
            if not service or not topo.find("Service", service, ns):
                topo.report(where, f"kubernetes.io/service-name label names no Service ({service})")
        if obj["kind"] in ("ClusterRoleBinding", "RoleBinding"):
            check_binding(topo, where, obj)
    for (_, kind, ns, name), count in seen.items():
        if count > 1:
            topo.report(f"{kind} {ns + '/' if ns else ''}{name}", f"defined {count} times")
    for namespace in topo.of_kind("Namespace"):
        name = namespace["metadata"]["name"]
        if not topo.find("ServiceAccount", "default", name):
            topo.report(f"Namespace {name}", "has no ServiceAccount default")
        if not topo.find("ConfigMap", "kube-root-ca.crt", name):
            topo.report(f"Namespace {name}", "has no ConfigMap kube-root-ca.crt")


def check_owners(topo, where, obj):
    refs = obj["metadata"].get("ownerReferences") or []
    if sum(1 for r in refs if r.get("controller")) > 1:
        topo.report(where, "has more than one controller owner")
    for ref in refs:
        kind, name = ref.get("kind"), ref.get("name")
        namespace = obj["metadata"].get("namespace") if SCOPE.get(kind, True) else None
        found = topo.find(kind, name, namespace)
        if not found:
            topo.report(where, f"owner {kind} {name} is not defined")
        elif found["apiVersion"] != ref.get("apiVersion"):
            topo.report(where, f"owner {kind} {name} has apiVersion {found['apiVersion']}, not {ref.get('apiVersion')}")


def owned_by(topo, owner):
    meta = owner["metadata"]
    return [o for _, o in topo.objects
            if o["metadata"].get("namespace") == meta.get("namespace")
            and any(r.get("kind") == owner["kind"] and r.get("name") == meta["name"]
                    for r in o["metadata"].get("ownerReferences") or [])]


def labels_match(selector, labels):
    return all(labels.get(k) == v for k, v in (selector or {}).items())


def check_selector(topo, where, obj):
    spec = obj.get("spec", {})
    selector = spec.get("selector", {}).get("matchLabels", {})
    template_labels = spec.get("template", {}).get("metadata", {}).get("labels", {})
    if not selector or not labels_match(selector, template_labels):
        topo.report(where, "selector.matchLabels does not select the pod template's labels")
    children = owned_by(topo, obj)
    for child in children:
        if child["kind"] == "Pod" and not labels_match(selector, child["metadata"].get("labels", {})):
            topo.report(where, f"owns pod {child['metadata']['name']} that its selector does not match")
    status = obj.get("status", {})
    if obj["kind"] == "ReplicaSet" and status.get("replicas") != len(children):
        topo.report(where, f"status.replicas is {status.get('replicas')} but it owns {len(children)} pods")
    if obj["kind"] == "DaemonSet" and status.get("desiredNumberScheduled") != len(children):
        topo.report(where, f"status.desiredNumberScheduled is {status.get('desiredNumberScheduled')} "
                           f"but it owns {len(children)} pods")
    if obj["kind"] == "Deployment":
        replica_sets = [c for c in children if c["kind"] == "ReplicaSet"]
        pods = sum(len(owned_by(topo, rs)) for rs in replica_sets)
        if status.get("replicas") != pods:
            topo.report(where, f"status.replicas is {status.get('replicas')} but its replica sets own {pods} pods")


def node_pod_network(topo, node_name):
    node = topo.find("Node", node_name)
    if not node:
        return None, None
    addresses = node.get("status", {}).get("addresses", [])
    internal = next((a["address"] for a in addresses if a.get("type") == "InternalIP"), None)
    cidr = node.get("spec", {}).get("podCIDR")
    return internal, ipaddress.ip_network(cidr) if cidr else None


def check_pod(topo, where, pod):
    ns = pod["metadata"]["namespace"]
    spec, status = pod.get("spec", {}), pod.get("status", {})
    account = spec.get("serviceAccountName", "default")
    if not topo.find("ServiceAccount", account, ns):
        topo.report(where, f"service account {account} is not defined in {ns}")
    priority_class = spec.get("priorityClassName")
    if priority_class and not topo.find("PriorityClass", priority_class):
        topo.report(where, f"priority class {priority_class} is not defined")
    for volume in spec.get("volumes", []):
        names = [volume["configMap"]["name"]] if "configMap" in volume else []
        names += [s["configMap"]["name"] for s in volume.get("projected", {}).get("sources", []) if "configMap" in s]
        for name in names:
            if not topo.find("ConfigMap", name, ns):
                topo.report(where, f"volume {volume['name']} needs ConfigMap {name}, which is not defined in {ns}")
    node_ip, pod_cidr = node_pod_network(topo, spec.get("nodeName"))
    if node_ip is None:
        topo.report(where, f"runs on node {spec.get('nodeName')}, which is not defined")
    elif status.get("phase") == "Running":
        check_pod_ip(topo, where, pod, node_ip, pod_cidr)
    if status.get("phase") == "Running":
        check_container_statuses(topo, where, spec.get("containers", []), status.get("containerStatuses", []))
        check_container_statuses(topo, where, spec.get("initContainers", []), status.get("initContainerStatuses", []))


def check_pod_ip(topo, where, pod, node_ip, pod_cidr):
    pod_ip = pod["status"].get("podIP")
    if pod.get("spec", {}).get("hostNetwork"):
        if pod_ip != node_ip:
            topo.report(where, f"uses the host network but its podIP {pod_ip} is not the node's {node_ip}")
    elif not pod_cidr or not pod_ip or ipaddress.ip_address(pod_ip) not in pod_cidr:
        topo.report(where, f"podIP {pod_ip} is outside the node's podCIDR {pod_cidr}")


def check_container_statuses(topo, where, containers, statuses):
    by_name = {s.get("name"): s for s in statuses}
    if len(statuses) != len(containers):
        topo.report(where, f"has {len(containers)} containers but {len(statuses)} statuses")
    for container in containers:
        state = by_name.get(container["name"])
        if state is None:
            topo.report(where, f"container {container['name']} has no status")
            continue
        if state.get("image") != container.get("image"):
            topo.report(where, f"status of {container['name']} shows image {state.get('image')}")
        if not CONTAINER_ID_RE.fullmatch(state.get("containerID", "")):
            topo.report(where, f"status of {container['name']} has a malformed containerID")
        if "@sha256:" not in state.get("imageID", ""):
            topo.report(where, f"status of {container['name']} has an imageID without a digest")


def check_service(topo, where, service):
    ns, name = service["metadata"]["namespace"], service["metadata"]["name"]
    selector = service.get("spec", {}).get("selector")
    endpoints = topo.find("Endpoints", name, ns)
    if not selector:
        return
    ready_ips = sorted(p["status"]["podIP"] for p in topo.of_kind("Pod", ns)
                       if labels_match(selector, p["metadata"].get("labels", {}))
                       and p.get("status", {}).get("phase") == "Running")
    if not ready_ips:
        topo.report(where, "selects no running pod")
    if endpoints is None:
        topo.report(where, "has a selector but no Endpoints object")
        return
    listed = sorted(a["ip"] for subset in endpoints.get("subsets", []) for a in subset.get("addresses", []))
    if listed != ready_ips:
        topo.report(where, f"Endpoints list {listed}, but the selected running pods have {ready_ips}")
    for subset in endpoints.get("subsets", []):
        for address in subset.get("addresses", []):
            target = address.get("targetRef")
            if target and not topo.find(target["kind"], target["name"], target.get("namespace")):
                topo.report(where, f"Endpoints address {address['ip']} points at missing {target['kind']} {target['name']}")


def check_binding(topo, where, binding):
    ref = binding.get("roleRef", {})
    ns = binding["metadata"].get("namespace") if ref.get("kind") == "Role" else None
    if not topo.find(ref.get("kind"), ref.get("name"), ns):
        topo.report(where, f"roleRef {ref.get('kind')} {ref.get('name')} is not defined")
    for subject in binding.get("subjects", []):
        if subject.get("kind") == "ServiceAccount" and not topo.find("ServiceAccount", subject["name"], subject.get("namespace")):
            topo.report(where, f"subject ServiceAccount {subject.get('namespace')}/{subject['name']} is not defined")


def main(argv):
    paths = [Path(a) for a in argv] or sorted(DEFAULT_DIR.glob("*.yaml"))
    if not paths:
        print(f"no topology files found in {DEFAULT_DIR}", file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        topo = load(path)
        if topo.objects:
            check_references(topo)
        for problem in topo.problems:
            print(problem)
        kinds = Counter(o["kind"] for _, o in topo.objects)
        summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        verdict = f"{len(topo.problems)} problem(s)" if topo.problems else "ok"
        print(f"{path}: {len(topo.objects)} objects ({summary}): {verdict}")
        failed = failed or bool(topo.problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
