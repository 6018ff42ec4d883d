"""The vendor's Python sample (VidAU authentication page), verbatim, behind a line protocol.

Each input line is a JSON object {"id", "text", "clientId", "authKey", "timestamp"}; each output
line is {"id", "ok": true, "canonical", "signature"} or {"id", "ok": false, "error"}. Output is
ASCII JSON, so lone surrogates and every other code point survive the pipe exactly.
The first output line is {"ready": true, "python": "<version>"}.
"""

import base64
import hashlib
import hmac
import json
import platform
import sys


class JsonSorter:
    @staticmethod
    def object_to_json_sorted(obj):
        obj_dict = JsonSorter._convert_to_dict(obj)
        sorted_dict = JsonSorter._sort_dict(obj_dict)
        return json.dumps(sorted_dict, separators=(',', ':'))

    @staticmethod
    def _convert_to_dict(obj):
        if isinstance(obj, dict):
            return obj
        elif hasattr(obj, '__dict__'):
            return obj.__dict__
        elif isinstance(obj, str):
            return json.loads(obj)
        else:
            raise ValueError("Unsupported type")

    @staticmethod
    def _sort_dict(d):
        sorted_items = sorted(d.items())
        sorted_dict = {}
        for key, value in sorted_items:
            if isinstance(value, dict):
                sorted_dict[key] = JsonSorter._sort_dict(value)
            else:
                sorted_dict[key] = value
        return sorted_dict


def generate_signature(client_id, auth_key, data, timestamp):
    message = f"{client_id}{data}{timestamp}"
    mac = hmac.new(auth_key.encode('utf-8'), message.encode('utf-8'), hashlib.sha256)
    signature = base64.b64encode(mac.digest()).decode('utf-8')
    return signature


def answer(request):
    try:
        data = JsonSorter.object_to_json_sorted(request["text"])
        signature = generate_signature(request["clientId"], request["authKey"], data, int(request["timestamp"]))
        return {"id": request["id"], "ok": True, "canonical": data, "signature": signature}
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
