#!/usr/bin/env python3
"""Distil the Kubernetes OpenAPI v3 documents into the ones the sandbox serves at /openapi/v3.

Usage: scripts/generate-openapi-v3.py <openapi-spec-v3-dir> [--enums <live-swagger.json>] [output-dir]

<openapi-spec-v3-dir> is api/openapi-spec/v3 of the Kubernetes release the sandbox reports
(Sources/KubeSim/Discovery/ServerVersion.swift), e.g. of a release-1.33 checkout.

The documents checked into Kubernetes are generated with the OpenAPIEnums feature off, but a live
API server has it on: its string fields with a fixed set of values carry `enum` and end their
description with "Possible enum values: ...", which `kubectl explain` prints. `--enums` takes
the OpenAPI v2 document served by a live API server (the one used here was a 1.28 server's) and
carries its enums over to every field whose description is otherwise unchanged.
Output (default Sources/KubeSim/Data/openapi-v3): one gzip-compressed document per group-version
the sandbox serves (`api__v1.json.gz`, `apis__apps__v1.json.gz`, ...), and `index.json`, the
hash of each document, which /openapi/v3 lists without opening any document.

What is kept, from the real document of each group-version listed in Data/resources.json:
- components.schemas: every schema reachable from a kind the sandbox serves, with its
  descriptions, defaults and enums, which is what `kubectl explain` prints;
- paths: the PATCH operation of every served resource and subresource, without its responses,
  which is what kubectl reads to learn that the server validates fields (`fieldValidation`) and
  takes strategic merge patches.
Everything else (other operations, kinds the sandbox does not serve) is dropped to keep the
documents small. The documents are written with sorted keys and a fixed gzip time, so running
the generator again on the same input gives the same bytes.
"""

import gzip
import hashlib
import json
import os
import sys

RESOURCES = "Sources/KubeSim/Data/resources.json"
REF_PREFIX = "#/components/schemas/"
# Operation fields kubectl does not read: dropped to keep the documents small.
DROPPED_OPERATION_FIELDS = {"responses"}


def served_group_versions(resources):
    """{(group, version): {"kinds": {kind}, "resources": {plural: {subresource}}}} from resources.json."""
    served = {}
    for group in resources["groups"]:
        entry = served.setdefault((group["group"], group["version"]), {"kinds": set(), "resources": {}})
        for resource in group["resources"]:
            entry["kinds"].add(resource["kind"])
            entry["resources"][resource["plural"]] = set(resource.get("subresources", {}))
    return served


def document_path(group, version):
    """The path of a group-version under /openapi/v3: `api/v1`, `apis/apps/v1`."""
    return f"api/{version}" if group == "" else f"apis/{group}/{version}"


def served_path(path, prefix, resources):
    """Whether an API path names a served resource or one of its served subresources."""
    if not path.startswith(prefix):
        return False
    segments = path[len(prefix):].split("/")
    if len(segments) > 2 and segments[0] == "namespaces" and segments[1] == "{namespace}":
        segments = segments[2:]
    if not segments or segments[0] not in resources:
        return False
    return len(segments) < 3 or segments[2] in resources[segments[0]]


def references(value, found):
    """Collects every schema name `value` refers to."""
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF_PREFIX):
            found.add(ref[len(REF_PREFIX):])
        for item in value.values():
            references(item, found)
    elif isinstance(value, list):
        for item in value:
            references(item, found)


ENUM_SUFFIX = "\n\nPossible enum values:"


def add_enums(schemas, live_definitions):
    """Copies enum values and their description from a live server's definitions, field by field."""
    for name, schema in schemas.items():
        live = live_definitions.get(name, {}).get("properties", {})
        for field, prop in schema.get("properties", {}).items():
            source = live.get(field, {})
            description = source.get("description", "")
            if "enum" in source and "enum" not in prop and description.startswith(prop.get("description", "") + ENUM_SUFFIX):
                prop["enum"] = source["enum"]
                prop["description"] = description


def distil(document, group, version, served):
    schemas = document["components"]["schemas"]
    prefix = "/" + document_path(group, version) + "/"
    paths = {}
    for path, item in document.get("paths", {}).items():
        operation = item.get("patch")
        if operation is None or not served_path(path, prefix, served["resources"]):
            continue
        paths[path] = {"patch": {k: v for k, v in operation.items() if k not in DROPPED_OPERATION_FIELDS}}
    pending = set()
    references(paths, pending)
    for name, schema in schemas.items():
        for gvk in schema.get("x-kubernetes-group-version-kind", []):
            if (gvk["group"], gvk["version"]) == (group, version) and gvk["kind"] in served["kinds"]:
                pending.add(name)
    missing = {kind for kind in served["kinds"]} - {
        gvk["kind"]
        for name in pending
        for gvk in schemas.get(name, {}).get("x-kubernetes-group-version-kind", [])
        if (gvk["group"], gvk["version"]) == (group, version)
    }
    if missing:
        sys.exit(f"{document_path(group, version)}: kinds not in the OpenAPI document: {', '.join(sorted(missing))}")
    kept = {}
    while pending:
        name = pending.pop()
        if name in kept:
            continue
        kept[name] = schemas[name]
        found = set()
        references(schemas[name], found)
        pending |= found - kept.keys()
    return {
        "openapi": document["openapi"],
        "info": document["info"],
        "paths": paths,
        "components": {"schemas": kept},
    }


def main():
    arguments = sys.argv[1:]
    live_definitions = {}
    if "--enums" in arguments:
        at = arguments.index("--enums")
        with open(arguments[at + 1], encoding="utf-8") as file:
            live_definitions = json.load(file)["definitions"]
        del arguments[at : at + 2]
    if len(arguments) not in (1, 2):
        sys.exit(__doc__)
    source = arguments[0]
    output = arguments[1] if len(arguments) == 2 else "Sources/KubeSim/Data/openapi-v3"
    with open(RESOURCES, encoding="utf-8") as file:
        served = served_group_versions(json.load(file))
    os.makedirs(output, exist_ok=True)
    index = {}
    for (group, version), entry in sorted(served.items()):
        name = document_path(group, version).replace("/", "__")
        with open(os.path.join(source, name + "_openapi.json"), encoding="utf-8") as file:
            document = json.load(file)
        add_enums(document["components"]["schemas"], live_definitions)
        document = distil(document, group, version, entry)
        data = json.dumps(document, separators=(",", ":"), sort_keys=True).encode()
        # The real server names each document by the SHA-512 of its JSON, upper-case hex.
        index[document_path(group, version)] = hashlib.sha512(data).hexdigest().upper()
        with open(os.path.join(output, name + ".json.gz"), "wb") as file:
            file.write(gzip.compress(data, compresslevel=9, mtime=0))
        print(f"{name}: {len(document['components']['schemas'])} schemas, {len(data)} bytes")
    with open(os.path.join(output, "index.json"), "w", encoding="utf-8") as file:
        json.dump(index, file, indent=1, sort_keys=True)
        file.write("\n")


if __name__ == "__main__":
    main()
