#!/usr/bin/env python3
"""Extract the protobuf field numbers of the Kubernetes API types from their Go definitions.

Usage: scripts/extract-protobuf-fields.py <kubernetes/api git dir> <kubernetes/apimachinery git dir> [output]
(default output: scripts/proto-field-numbers.json; the git dirs may be bare, the script reads HEAD)

The OpenAPI document that scripts/generate-api-schema.py reads has no protobuf field numbers. The
struct tags of the Go types (`json:"replicas,omitempty" protobuf:"varint,1,opt,name=replicas"`)
carry them, and also two facts the generated .proto files lose: whether a Go field is a pointer
(a present zero value then still means something, e.g. `replicas: 0`) and whether it holds bytes.
Format:

  {"<package>.<Struct>": {"<json field>": "<number><flags>", "~<package>.<Struct>": "<number>"}}

flags: `*` the Go field is a pointer, `b` its values are bytes (base64 strings in JSON).
A `~` entry is a struct embedded inline in JSON but sent as a nested message in protobuf
(core.v1.Volume's VolumeSource is field 2): its JSON fields appear in the enclosing object.
"""

import json
import re
import subprocess
import sys

# Packages of the served kinds (see generate-api-schema.py), by repository; the short package
# name matches the type prefixes of api-schema.json.
API_PACKAGES = [
    "core/v1", "apps/v1", "batch/v1", "rbac/v1", "networking/v1", "storage/v1", "discovery/v1",
    "events/v1", "coordination/v1", "scheduling/v1", "policy/v1", "autoscaling/v1", "autoscaling/v2",
    "authentication/v1", "authorization/v1",
]
APIMACHINERY_PACKAGES = {"pkg/apis/meta/v1": "meta.v1"}

# Import aliases used for embedded types in the Go sources.
ALIASES = {"metav1": "meta.v1", "v1": "core.v1"}

STRUCT = re.compile(r"^type (\w+) struct \{$")
# `Name Type `tags`` or, for an embedded field, `Type `tags``.
FIELD = re.compile(r"^\s+(?:(\w+)\s+)?([\w.*\[\]]+)\s+`([^`]*)`")
TAG = re.compile(r'(\w+):"([^"]*)"')


def read_go_files(git_dir, package):
    listing = subprocess.run(
        ["git", "-C", git_dir, "ls-tree", "--name-only", "HEAD", package + "/"],
        check=True, capture_output=True, text=True,
    ).stdout.split()
    for path in listing:
        name = path.rsplit("/", 1)[-1]
        if name.endswith(".go") and not name.endswith("_test.go") and not name.startswith("zz_"):
            yield subprocess.run(
                ["git", "-C", git_dir, "show", "HEAD:" + path], check=True, capture_output=True, text=True
            ).stdout


def qualified(go_type, package):
    bare = go_type.lstrip("*")
    if "." in bare:
        alias, name = bare.split(".", 1)
        return ALIASES.get(alias, alias) + "." + name
    return package + "." + bare


def field_entry(go_type, protobuf_tag):
    number = protobuf_tag.split(",")[1]
    flags = ""
    if go_type.startswith("*"):
        flags += "*"
    if go_type.endswith("[]byte"):
        flags += "b"
    return number + flags


def extract(source, package, table):
    current = None
    for line in source.splitlines():
        opened = STRUCT.match(line)
        if opened:
            current = table.setdefault(package + "." + opened.group(1), {})
            continue
        if current is None:
            continue
        if line == "}":
            current = None
            continue
        field = FIELD.match(line)
        if not field:
            continue
        go_name, go_type, tags = field.groups()
        tags = dict(TAG.findall(tags))
        protobuf = tags.get("protobuf")
        if protobuf is None or protobuf == "-":
            continue
        json_name = tags.get("json", "").split(",")[0]
        if go_name is None and json_name == "":
            current["~" + qualified(go_type, package)] = protobuf.split(",")[1]
        elif json_name not in ("", "-"):
            current[json_name] = field_entry(go_type, protobuf)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    api, apimachinery = sys.argv[1], sys.argv[2]
    output = sys.argv[3] if len(sys.argv) == 4 else "scripts/proto-field-numbers.json"
    table = {}
    for package in API_PACKAGES:
        for source in read_go_files(api, package):
            extract(source, package.replace("/", "."), table)
    for package, short in APIMACHINERY_PACKAGES.items():
        for source in read_go_files(apimachinery, package):
            extract(source, short, table)
    table = {name: fields for name, fields in sorted(table.items()) if fields}
    with open(output, "w", encoding="utf-8") as target:
        json.dump(table, target, indent=0, separators=(",", ":"))
        target.write("\n")
    print(f"{output}: {len(table)} types, {sum(map(len, table.values()))} fields")


if __name__ == "__main__":
    main()
