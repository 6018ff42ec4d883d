"""The vendor's Python sample (VidAU authentication page, verbatim in the kit's vidau_sample.py), behind a line protocol.

Each input line is a JSON object {"id", "text", "clientId", "authKey", "timestamp"}; each output
line is {"id", "ok": true, "canonical", "signature", "keyHex", "messageHex"} (the key and message
bytes generate_signature hashes) or {"id", "ok": false, "error"}. Output is
ASCII JSON, so lone surrogates and every other code point survive the pipe exactly.
The first output line is {"ready": true, "python": "<version>"}.
"""

import json
import os
import platform
import sys

# The vendor's sample, verbatim, lives once: beside the conformance kit's example adapter (which is
# published, so no bytecode is written next to it).
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "packages", "vidau-conformance", "examples", "python"))
from vidau_sample import JsonSorter, generate_signature  # noqa: E402


def answer(request):
    try:
        data = JsonSorter.object_to_json_sorted(request["text"])
        client_id, auth_key, timestamp = request["clientId"], request["authKey"], int(request["timestamp"])
        signature = generate_signature(client_id, auth_key, data, timestamp)
        # The same expressions generate_signature encodes, for the vectors' intermediate steps.
        key = auth_key.encode('utf-8').hex()
        message = f"{client_id}{data}{timestamp}".encode('utf-8').hex()
        return {"id": request["id"], "ok": True, "canonical": data, "signature": signature, "keyHex": key, "messageHex": message}
    except Exception as error:  # every failure is an answer, not a crash
        return {"id": request["id"], "ok": False, "error": f"{type(error).__name__}: {error}"}


def main():
    out = sys.stdout
    out.write(json.dumps({"ready": True, "python": platform.python_version()}) + "\n")
    out.flush()
    for line in sys.stdin:
        out.write(json.dumps(answer(json.loads(line))) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
