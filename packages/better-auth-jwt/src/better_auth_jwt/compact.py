"""Splits a compact JWS strictly: canonical base64url, UTF-8 JSON objects, no repeated names."""

import base64
import json
from dataclasses import dataclass

from better_auth_jwt.errors import TokenError

# Far above any token Better Auth issues; refused before any decoding work is spent on it.
MAX_TOKEN_LENGTH = 8 * 1024


@dataclass(frozen=True, slots=True)
class CompactJws:
    header: dict[str, object]
    # Still raw JSON: the payload is only interpreted once its signature holds.
    payload: bytes
    signing_input: bytes
    signature: bytes


def split_token(token: str) -> CompactJws:
    segments = token.split(".")
    if len(segments) != 3:
        raise TokenError("malformed token")
    header, payload, signature = (_segment_bytes(segment) for segment in segments)
    return CompactJws(
        header=parse_json_object(header),
        payload=payload,
        signing_input=f"{segments[0]}.{segments[1]}".encode(),
        signature=signature,
    )


def decode_base64url(text: str) -> bytes:
    """Unpadded base64url; any other spelling of the same bytes raises ValueError.

    The standard decoder ignores stray characters and the unused low bits of the last one,
    which would let one signature be written several ways.
    """
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if base64.urlsafe_b64encode(raw).rstrip(b"=") != text.encode():
        raise ValueError("not canonical unpadded base64url")
    return raw


def parse_json_object(raw: bytes) -> dict[str, object]:
    try:
        value = json.loads(
            raw.decode("utf-8"), object_pairs_hook=_unique_names, parse_constant=_no_constant
        )
    except (ValueError, RecursionError):
        raise TokenError("malformed token") from None
    if not isinstance(value, dict):
        raise TokenError("malformed token")
    return value


def _segment_bytes(segment: str) -> bytes:
    try:
        return decode_base64url(segment)
    except ValueError:  # binascii.Error is one
        raise TokenError("malformed token") from None


def _unique_names(pairs: list[tuple[str, object]]) -> dict[str, object]:
    # The stdlib keeps the last of repeated names; another parser may keep the first.
    value = dict(pairs)
    if len(value) != len(pairs):
        raise TokenError("repeated name in token")
    return value


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")
