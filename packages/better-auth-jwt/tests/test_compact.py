"""Splitting a compact JWS: only one spelling of a token is ever accepted."""

import json

import pytest

from better_auth_jwt.compact import decode_base64url, parse_json_object, split_token
from better_auth_jwt.errors import TokenError
from better_auth_jwt.testing import b64url, forge

SECRET = b"compact-test-secret-0123456789-abcdef"


def test_split_token_valid_returns_parts() -> None:
    token = forge({"alg": "HS256"}, {"sub": "a"}, SECRET)

    jws = split_token(token)

    assert jws.header == {"alg": "HS256"}
    assert json.loads(jws.payload) == {"sub": "a"}
    assert jws.signing_input == token.rsplit(".", 1)[0].encode()
    assert len(jws.signature) == 32


@pytest.mark.parametrize(
    "token",
    ["", "e30", "e30.e30", "e30.e30.AAAA.AAAA", "e30.e30.e30.e30.e30"],
    ids=["empty", "one", "two", "four", "five"],
)
def test_split_token_wrong_segment_count_refused(token: str) -> None:
    with pytest.raises(TokenError, match="malformed token"):
        split_token(token)


@pytest.mark.parametrize(
    "segment",
    ["e30=", "e3!0", "e3 0", "e+0", "e/0", "é30", "e"],
    ids=["padded", "bang", "space", "plus", "slash", "non-ascii", "one-char"],
)
def test_split_token_bad_base64_header_refused(segment: str) -> None:
    with pytest.raises(TokenError, match="malformed token"):
        split_token(f"{segment}.e30.AAAA")


def test_decode_base64url_non_canonical_last_char_refused() -> None:
    # "AB" and "AA" both decode to b"\x00" with a lenient decoder: the low bits of "B" are unused.
    assert decode_base64url("AA") == b"\x00"
    with pytest.raises(ValueError, match="canonical"):
        decode_base64url("AB")


@pytest.mark.parametrize(
    "header",
    ['{"alg":"HS256","alg":"none"}', "[]", '"HS256"', "null", "{", '{"n": NaN}', "[" * 5000],
    ids=["repeated-alg", "array", "string", "null", "truncated", "nan", "deeply-nested"],
)
def test_split_token_header_not_a_plain_object_refused(header: str) -> None:
    with pytest.raises(TokenError):
        split_token(f"{b64url(header.encode())}.e30.AAAA")


def test_parse_json_object_repeated_name_named_as_reason() -> None:
    with pytest.raises(TokenError, match="repeated name in token"):
        parse_json_object(b'{"sub":"a","sub":"b"}')


def test_parse_json_object_nested_repeated_name_refused() -> None:
    with pytest.raises(TokenError, match="repeated name"):
        parse_json_object(b'{"aud":{"x":1,"x":2}}')


@pytest.mark.parametrize(
    "raw",
    [
        '{"sub":"a"}'.encode("utf-16"),
        b'{"sub":"\xff"}',
        b'{"exp": Infinity}',
        b'{"exp": -Infinity}',
    ],
    ids=["utf-16", "invalid-utf-8", "infinity", "minus-infinity"],
)
def test_parse_json_object_not_strict_json_refused(raw: bytes) -> None:
    with pytest.raises(TokenError, match="malformed token"):
        parse_json_object(raw)
