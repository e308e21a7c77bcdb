#!/usr/bin/env python3
"""Distil the Kubernetes OpenAPI definitions into the compact schema KubeSim ships.

Usage: scripts/generate-api-schema.py <swagger.json | openapi-spec-v3-dir> [output.json]
(the OpenAPI v2 document, or the folder api/openapi-spec/v3 of the same release; default output:
Sources/KubeSim/Data/api-schema.json; protobuf field numbers are read from
scripts/proto-field-numbers.json, written by scripts/extract-protobuf-fields.py)

The output keeps only what the sandbox needs to decode and patch the kinds it serves (the kinds
of the resources and subresources in Sources/KubeSim/Data/resources.json): for every type
reachable from those kinds, its fields with their shape and strategic-merge-patch metadata.
Descriptions are dropped. Format (all keys short to keep the file small):

  {"kinds": {"<apiVersion>": {"<Kind>": "<type>"}},
   "types": {"<type>": {"f": {"<field>": <field>}, "r": ["<required field>", ...]}
                      | {"free": "intOrString" | "quantity" | "time" | "microTime" | "object"}}}

A <field> is either a shape string, or an object {"t": <shape>, "ps": patch strategy,
"mk": patch merge key, "lt": list type, "lk": list map keys} with only the keys that apply.
A shape is "string" | "integer" | "number" | "boolean" | "<type>" (a name containing a dot)
| "[]<shape>" (list) | "{}<shape>" (map with string keys).
A shape may end with "@<number>[.<number>...][*][b]": where the field is in the protobuf encoding
(a path when the field sits in a message embedded inline in JSON), `*` when a present zero value
is kept (a Go pointer, e.g. `replicas: 0`), `b` when its values are bytes (base64 in JSON).
Fields without it (apiVersion, kind) are not in the protobuf encoding of the object.
"""

import json
import os
import sys

RESOURCES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Sources/KubeSim/Data/resources.json")


def served_kinds():
    """{apiVersion: [kind]} of every resource and subresource the sandbox serves (resources.json)."""
    with open(RESOURCES, encoding="utf-8") as source:
        groups = json.load(source)["groups"]
    kinds = {}
    for group in groups:
        for resource in group["resources"]:
            found = [(group["group"], group["version"], resource["kind"])]
            for sub in resource.get("subresources", {}).values():
                found.append((sub.get("group", group["group"]), sub.get("version", group["version"]), sub["kind"]))
            for name, version, kind in found:
                listed = kinds.setdefault(version if name == "" else name + "/" + version, [])
                if kind not in listed:
                    listed.append(kind)
    return kinds


SERVED_KINDS = served_kinds()

# Types whose JSON form is not described by their properties: the decoder accepts them as noted.
FREE_FORM = {
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": "intOrString",
    "io.k8s.apimachinery.pkg.api.resource.Quantity": "quantity",
    "io.k8s.apimachinery.pkg.apis.meta.v1.Time": "time",
    "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": "microTime",
}

# Long, repetitive package prefixes, shortened so type names stay readable and the file small.
PREFIXES = [
    ("io.k8s.api.", ""),
    ("io.k8s.apimachinery.pkg.apis.", ""),
    ("io.k8s.apimachinery.pkg.util.", ""),
    ("io.k8s.apimachinery.pkg.api.", ""),
    ("io.k8s.apimachinery.pkg.", ""),
]

REF_PREFIXES = ("#/definitions/", "#/components/schemas/")
PRIMITIVES = {"string", "integer", "number", "boolean"}


def short_name(full):
    for prefix, replacement in PREFIXES:
        if full.startswith(prefix):
            return replacement + full[len(prefix):]
    return full


def api_version(gvk):
    return gvk["version"] if gvk["group"] == "" else gvk["group"] + "/" + gvk["version"]


def find_kind_types(definitions):
    """Maps each served (apiVersion, kind) to the definition carrying that group-version-kind."""
    found = {}
    for name, definition in definitions.items():
        for gvk in definition.get("x-kubernetes-group-version-kind", []):
            version = api_version(gvk)
            if gvk["kind"] in SERVED_KINDS.get(version, []):
                found.setdefault(version, {})[gvk["kind"]] = name
    missing = [
        f"{version} {kind}"
        for version, kinds in SERVED_KINDS.items()
        for kind in kinds
        if kind not in found.get(version, {})
    ]
    if missing:
        sys.exit("kinds not found in the swagger document: " + ", ".join(missing))
    return found


def shape(prop, reached):
    """The compact shape string of a property schema; records referenced types in `reached`."""
    # OpenAPI v3 wraps a reference that has siblings (a description, a default) in allOf.
    if "$ref" not in prop and len(prop.get("allOf", [])) == 1:
        prop = prop["allOf"][0]
    if "$ref" in prop:
        target = next(prop["$ref"][len(p):] for p in REF_PREFIXES if prop["$ref"].startswith(p))
        reached.append(target)
        return short_name(target)
    kind = prop.get("type")
    if kind == "array":
        return "[]" + shape(prop["items"], reached)
    if kind == "object":
        element = prop.get("additionalProperties")
        if element is None or element == {} or element is True:
            return "{}any"
        return "{}" + shape(element, reached)
    if kind in PRIMITIVES:
        return kind
    # No type at all means any JSON value.
    return "any"


def protobuf_location(type_name, field, table):
    """`<path><flags>` of `field` of `type_name`, following inline embedded messages, or None."""
    fields = table.get(type_name, {})
    if field in fields:
        return fields[field]
    for key, number in fields.items():
        if key.startswith("~"):
            inner = protobuf_location(key[1:], field, table)
            if inner is not None:
                return number + "." + inner
    return None


def field_entry(prop, reached, location):
    notation = shape(prop, reached)
    if location is not None:
        # Only scalars need the pointer flag: a message's presence is explicit on the wire.
        if notation.lstrip("[]{}") not in PRIMITIVES:
            location = location.replace("*", "")
        notation += "@" + location
    entry = {"t": notation}
    for source, short in [
        ("x-kubernetes-patch-strategy", "ps"),
        ("x-kubernetes-patch-merge-key", "mk"),
        ("x-kubernetes-list-type", "lt"),
        ("x-kubernetes-list-map-keys", "lk"),
    ]:
        if source in prop:
            entry[short] = prop[source]
    return entry["t"] if len(entry) == 1 else entry


def type_entry(name, definition, reached, protobuf_fields):
    if name in FREE_FORM:
        return {"free": FREE_FORM[name]}
    properties = definition.get("properties")
    if properties is None:
        # RawExtension, FieldsV1, JSON and the like: any object is accepted as is.
        return {"free": "object"}
    entry = {
        "f": {
            field: field_entry(prop, reached, protobuf_location(short_name(name), field, protobuf_fields))
            for field, prop in properties.items()
        }
    }
    if definition.get("required"):
        entry["r"] = definition["required"]
    return entry


def build(swagger, protobuf_fields):
    definitions = swagger["definitions"]
    kinds = find_kind_types(definitions)
    pending = [name for by_kind in kinds.values() for name in by_kind.values()]
    types = {}
    while pending:
        name = pending.pop()
        if short_name(name) in types:
            continue
        reached = []
        types[short_name(name)] = type_entry(name, definitions[name], reached, protobuf_fields)
        pending.extend(reached)
    return {
        "kinds": {
            version: {kind: short_name(name) for kind, name in sorted(by_kind.items())}
            for version, by_kind in sorted(kinds.items())
        },
        "types": dict(sorted(types.items())),
    }


def load_definitions(source):
    """The swagger document, or the v3 folder's schemas merged into the same shape."""
    if not os.path.isdir(source):
        with open(source, encoding="utf-8") as file:
            return json.load(file)
    definitions = {}
    for name in sorted(os.listdir(source)):
        if name.endswith("_openapi.json"):
            with open(os.path.join(source, name), encoding="utf-8") as file:
                definitions.update(json.load(file).get("components", {}).get("schemas", {}))
    return {"definitions": definitions}


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    output = sys.argv[2] if len(sys.argv) == 3 else "Sources/KubeSim/Data/api-schema.json"
    numbers = os.path.join(os.path.dirname(os.path.abspath(__file__)), "proto-field-numbers.json")
    with open(numbers, encoding="utf-8") as source:
        protobuf_fields = json.load(source)
    schema = build(load_definitions(sys.argv[1]), protobuf_fields)
    with open(output, "w", encoding="utf-8") as target:
        json.dump(schema, target, separators=(",", ":"), sort_keys=False)
        target.write("\n")
    print(f"{output}: {len(schema['types'])} types, {sum(map(len, schema['kinds'].values()))} kinds")
    for name, entry in schema["types"].items():
        for field, notation in entry.get("f", {}).items():
            notation = notation if isinstance(notation, str) else notation["t"]
            if "@" not in notation and field not in ("apiVersion", "kind"):
                print(f"warning: {name}.{field} has no protobuf field number", file=sys.stderr)


if __name__ == "__main__":
    main()
