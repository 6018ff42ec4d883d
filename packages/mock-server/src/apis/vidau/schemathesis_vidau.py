"""Schemathesis auth for the VidAU mock: signs every request as the vendor's own Python sample does.

The message is client id + canonical body + timestamp (ms), HMAC-SHA256 under the auth key, Base64.
The canonical body is the vendor sample's `JsonSorter.object_to_json_sorted`: keys sorted in objects
reached through objects (not inside arrays), compact separators, `json.dumps` defaults otherwise.
The mock checks it in the same dialect (`vidauDialect: python`): that is the only mock option this
run needs; signatures are verified as strictly as ever.

Named by service-runs.test-support.ts beside it, loaded by scripts/schemathesis.mjs through
SCHEMATHESIS_HOOKS; credentials come from the environment.
"""

import base64
import hashlib
import hmac
import json
import os
import time

import schemathesis

CLIENT_ID = os.environ["SIGNET_VIDAU_CLIENT_ID"]
AUTH_KEY = os.environ["SIGNET_VIDAU_AUTH_KEY"]


def _sort_dict(d):
    # The vendor sample, verbatim in behaviour: recurse into dict values only.
    sorted_dict = {}
    for key, value in sorted(d.items()):
        sorted_dict[key] = _sort_dict(value) if isinstance(value, dict) else value
    return sorted_dict


def canonical_body(body):
    if body is None or isinstance(body, (bytes, bytearray)):
        return ""
    if isinstance(body, dict):
        return json.dumps(_sort_dict(body), separators=(",", ":"))
    # Not an object: the mock refuses it (400) whatever the signature; sign what is sent anyway.
    return json.dumps(body, separators=(",", ":"))


def generate_signature(client_id, auth_key, data, timestamp):
    message = f"{client_id}{data}{timestamp}"
    mac = hmac.new(auth_key.encode("utf-8"), message.encode("utf-8"), hashlib.sha256)
    return base64.b64encode(mac.digest()).decode("utf-8")


@schemathesis.auth(refresh_interval=None)
class VidauSignature:
    def get(self, case, ctx):
        return {"client_id": CLIENT_ID, "auth_key": AUTH_KEY}

    def set(self, case, data, ctx):
        try:
            body = canonical_body(case.body)
        except (TypeError, ValueError):
            body = ""  # a body JSON cannot carry (binary, NaN): the mock refuses it before the signature matters
        timestamp = int(time.time() * 1000)
        case.headers = case.headers or {}
        case.headers["x-client-id"] = data["client_id"]
        case.headers["timestamp"] = str(timestamp)
        case.headers["Authorization"] = generate_signature(data["client_id"], data["auth_key"], body, timestamp)
