"""Schemathesis hook for the Aiuta mocks: every other generated upload carries a real PNG.

The mocks take only images in `image_data`: the bytes must be a PNG, JPEG, WebP or HEIC image, of
the type the part declares (schemathesis declares none). Schemathesis draws arbitrary bytes for a
`format: binary` string, which the mocks refuse with their documented 422; this hook puts a 1x1 PNG
in every other valid upload, so that uploads succeed too and the operations on uploaded images are
reached. Invalid cases are left as drawn.

Named by the modules' service-runs.test-support.ts, loaded by scripts/schemathesis.mjs through
SCHEMATHESIS_HOOKS.
"""

import schemathesis
from schemathesis.transport.serialization import Binary

# A 1x1 grey PNG, the mock's own placeholder.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
    "3a7e9b550000000a49444154789c636800000082008177cd72b60000000049454e44ae426082"
)


@schemathesis.hook
def map_case(context, case):
    # Valid multipart cases of the fuzzing and stateful phases only: the same operation is also
    # tried with other media types, and a case made invalid elsewhere (a header, as the coverage
    # phase does after this hook has run) must stay one the mock refuses.
    if not (case.media_type or "").startswith("multipart/") or not isinstance(case.body, dict):
        return case
    meta = case.meta
    if meta is not None and (
        meta.phase.name == "coverage"
        or meta.generation.mode.is_negative
        or any(component.mode.is_negative for component in meta.components.values())
    ):
        return case
    drawn = case.body.get("image_data")
    if isinstance(drawn, Binary) and len(drawn.data) % 2 == 0:
        # The drawn value's bytes are replaced in place: a new body would be judged again against
        # the schema, which reads a replaced binary value as invalid, and the case as negative.
        drawn.data = PNG
    return case
