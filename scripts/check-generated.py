#!/usr/bin/env python3
"""Fails when a generated file no longer matches the data it is generated from.

- LabKit's resource table is generated again from Sources/KubeSim/Data/resources.json and
  compared with the committed one.
- The OpenAPI v3 documents (generated from a Kubernetes release, which is not in this repository)
  must cover exactly the group-versions of resources.json, and each must still hash to the value
  /openapi/v3 lists for it.
"""

import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = "Sources/LabKit/Format/ResourceCatalog+Served.swift"
OPENAPI = "Sources/KubeSim/Data/openapi-v3"
problems = []

with tempfile.TemporaryDirectory() as folder:
    fresh = os.path.join(folder, "catalog.swift")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/generate-resource-catalog.py"), fresh], check=True)
    with open(fresh, encoding="utf-8") as new, open(os.path.join(ROOT, CATALOG), encoding="utf-8") as old:
        if new.read() != old.read():
            problems.append(f"{CATALOG} differs from resources.json: run scripts/generate-resource-catalog.py")

with open(os.path.join(ROOT, "Sources/KubeSim/Data/resources.json"), encoding="utf-8") as file:
    served = {
        f"api/{g['version']}" if g["group"] == "" else f"apis/{g['group']}/{g['version']}"
        for g in json.load(file)["groups"]
    }
with open(os.path.join(ROOT, OPENAPI, "index.json"), encoding="utf-8") as file:
    index = json.load(file)
if set(index) != served:
    problems.append(
        f"{OPENAPI}/index.json lists {sorted(set(index) - served)} not served and misses {sorted(served - set(index))}:"
        " run scripts/generate-openapi-v3.py"
    )
for path, expected in sorted(index.items()):
    name = os.path.join(ROOT, OPENAPI, path.replace("/", "__") + ".json.gz")
    try:
        with open(name, "rb") as file:
            actual = hashlib.sha512(gzip.decompress(file.read())).hexdigest().upper()
    except OSError as error:
        problems.append(f"{name}: {error.strerror}")
        continue
    if actual != expected:
        problems.append(f"{name} does not hash to its index entry: run scripts/generate-openapi-v3.py")

for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
