#!/usr/bin/env python3
"""A vidau-conformance adapter: a VidAU signer behind the runner's JSON-lines protocol.

The signer here is the vendor's own Python sample (vidau_sample.py), so it passes the python
vectors; put your own signer in its place. Run it with:

    npx @signet/vidau-conformance --dialect python -- python3 examples/python/adapter.py

One request per line on standard input, one answer per line on standard output, in order:

    {"id": "...", "op": "sign", "dialect", "charset", "input", "clientId", "authKey", "timestamp"}
      -> {"id": "...", "result": "signed", "canonicalBody": "...", "signature": "..."}
         (optionally also "stringToSign", "canonicalBodyHex", "keyHex", "messageHex": checked when given)
      -> {"id": "...", "result": "refused", "reason": "..."}   when the signer will not sign it
    {"id": "...", "op": "verify", "dialect", "charset", "body", "clientId", "authKey", "timestamp", "signature"}
      -> {"id": "...", "result": "valid"} or {"id": "...", "result": "invalid"}
"""

import hmac
import json
import sys

sys.dont_write_bytecode = True  # nothing written beside the example
from vidau_sample import JsonSorter, generate_signature  # noqa: E402


def sign(request):
    """The canonical body and signature of a request, every intermediate step with them."""
    if request["charset"] != "UTF-8":
        raise ValueError("the Python sample signs UTF-8 only")
    body = JsonSorter.object_to_json_sorted(request["input"])
    string_to_sign = f"{request['clientId']}{body}{request['timestamp']}"
    return {
        "result": "signed",
        "canonicalBody": body,
        "signature": generate_signature(request["clientId"], request["authKey"], body, request["timestamp"]),
        "stringToSign": string_to_sign,
        "canonicalBodyHex": body.encode("utf-8").hex(),
        "keyHex": request["authKey"].encode("utf-8").hex(),
        "messageHex": string_to_sign.encode("utf-8").hex(),
    }


def verify(request):
    """Canonicalizes the received body as the server does and compares in constant time (no clock window)."""
    body = JsonSorter.object_to_json_sorted(request["body"])
    expected = generate_signature(request["clientId"], request["authKey"], body, request["timestamp"])
    return {"result": "valid" if hmac.compare_digest(expected, request["signature"]) else "invalid"}


def answer(request):
    try:
        result = sign(request) if request["op"] == "sign" else verify(request)
    except Exception as error:  # anything the signer will not sign is a refusal, and a body it cannot read does not verify
        result = {"result": "refused", "reason": f"{type(error).__name__}: {error}"} if request["op"] == "sign" else {"result": "invalid"}
    return {"id": request["id"], **result}


def main():
    for line in sys.stdin:
        sys.stdout.write(json.dumps(answer(json.loads(line))) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
