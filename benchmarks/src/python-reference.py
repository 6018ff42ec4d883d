"""Times the vendor's Python sample, verbatim from the conformance harness, in-process on one body.

Reads the body as JSON on stdin and the duration in seconds as argv[1]; prints ops/s.
"""

import json
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "conformance" / "python"))
from vidau_reference import JsonSorter, generate_signature  # noqa: E402

body = json.loads(sys.stdin.read())
seconds = float(sys.argv[1])
runs = 0
start = time.perf_counter()
while time.perf_counter() - start < seconds:
    generate_signature("client-1", "bench-auth-key", JsonSorter.object_to_json_sorted(body), 1723515690000)
    runs += 1
print(runs / (time.perf_counter() - start))
