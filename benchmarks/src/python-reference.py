"""Times the vendor's Python sample (conformance/python/vidau_reference.py, verbatim) in one long-lived process.

Line protocol, one JSON object per line on stdin:
  {"op": "load", "text": <json text>}  parses the body once (json.loads, as the conformance harness does) and
                                       answers {"canonical": ..., "signature": ...};
  {"op": "run", "n": <count>}          signs it n times and answers {"cpu": <process CPU seconds>, "wall": <seconds>}.
The first line is {"ready": true, "python": <version>}.
"""

import json
import pathlib
import platform
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "conformance" / "python"))
from vidau_reference import JsonSorter, generate_signature  # noqa: E402

CLIENT_ID = "client-1"
AUTH_KEY = "bench-auth-key"
TIMESTAMP = 1723515690000


def sign(body):
    return generate_signature(CLIENT_ID, AUTH_KEY, JsonSorter.object_to_json_sorted(body), TIMESTAMP)


def main():
    out = sys.stdout
    out.write(json.dumps({"ready": True, "python": platform.python_version()}) + "\n")
    out.flush()
    body = None
    for line in sys.stdin:
        request = json.loads(line)
        if request["op"] == "load":
            body = json.loads(request["text"])
            canonical = JsonSorter.object_to_json_sorted(body)
            reply = {"canonical": canonical, "signature": generate_signature(CLIENT_ID, AUTH_KEY, canonical, TIMESTAMP)}
        else:
            n = int(request["n"])
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(n):
                sign(body)
            reply = {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}
        out.write(json.dumps(reply) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
