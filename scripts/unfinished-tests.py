#!/usr/bin/env python3
"""Names the tests a `swift test` log shows started but never finished.

scripts/test stops a test run that overruns its limit; this says which tests it was waiting on,
so a hang is found from CI's output instead of from a wall of thread dumps.
"""
import re
import sys

started, finished = [], set()
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = line.strip()
    # A parameterised test's cases start one by one but finish as one line for the whole test.
    if (match := re.match(r"◇ Test (.+?) started\.$", line)) and not line.startswith(("◇ Test case ", "◇ Test run started")):
        started.append(match.group(1))
    elif match := re.match(r"[✔✘] Test (.+?) (?:with \d+ test cases? )?(?:passed|failed) after ", line):
        finished.add(match.group(1))
waiting = [name for name in dict.fromkeys(started) if name not in finished]
print(f"{len(waiting)} test(s) started and never finished:")
for name in waiting:
    print(f"  {name}")
