"""The attack catalogue, part 1: forged headers, claims and encodings, refused in both modes.

Every token here is signed with the right key for its mode, so the one flaw it carries is
the only thing that can get it refused; each test checks that the refusal names that flaw.
"""

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from better_auth_jwt.claims import LEEWAY_SECONDS
from better_auth_jwt.compact import MAX_TOKEN_LENGTH
from better_auth_jwt.testing import KID, ClaimsFactory, b64url, forge
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from httpx2 import Response

from tests.conftest import TEST_SECRET

OTHER_BETTER_AUTH_TOKENS = json.loads(
    (
        Path(__file__).parents[1] / "vectors" / "better-auth-1.7.25-other-hs256-tokens.json"
    ).read_text()
)


@dataclass
class ModeApi:
    """The API in one signing mode, and how a legitimate issuer signs for it."""

    client: TestClient
    sign: Callable[..., str]

    def me(self, token: str) -> Response:
        return self.client.get("/api/me", headers={"Authorization": f"Bearer {token}"})


@pytest.fixture(params=["shared-secret", "jwks"])
def api(request: pytest.FixtureRequest, signing_key: Ed25519PrivateKey) -> Iterator[ModeApi]:
    """Signs like the frontend in that mode; `header` entries are added to or replace its own."""
    if request.param == "shared-secret":
        base, key, client = {"alg": "HS256", "typ": "JWT"}, TEST_SECRET.encode(), "client"
    else:
        base, key, client = {"alg": "EdDSA", "kid": KID}, signing_key, "jwks_client"

    def sign(payload: dict[str, object] | str, **header: object) -> str:
        merged = {name: value for name, value in {**base, **header}.items() if value is not None}
        return forge(merged, payload, key)

    yield ModeApi(request.getfixturevalue(client), sign)


def assert_refused(response: Response, reason: str) -> None:
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert response.json() == {"detail": f"Invalid token: {reason}"}


def test_read_me_token_as_issued_accepted(api: ModeApi, make_claims: ClaimsFactory) -> None:
    """The control: without a flaw, the same signing is accepted, so each refusal below is real."""
    response = api.me(api.sign(make_claims("user-a")))

    assert response.status_code == 200
    assert response.json()["user_id"] == "user-a"


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE"])
def test_read_me_alg_none_refused(api: ModeApi, make_claims: ClaimsFactory, alg: str) -> None:
    unsigned = api.sign(make_claims(), alg=alg).rsplit(".", 1)[0] + "."

    assert_refused(api.me(unsigned), "algorithm not allowed")


@pytest.mark.parametrize("alg", ["HS384", "HS512", "RS256", "ES256", "PS256", "Ed25519", ""])
def test_read_me_unlisted_alg_refused(api: ModeApi, make_claims: ClaimsFactory, alg: str) -> None:
    assert_refused(api.me(api.sign(make_claims(), alg=alg)), "algorithm not allowed")


def test_read_me_alg_not_a_string_refused(api: ModeApi, make_claims: ClaimsFactory) -> None:
    assert_refused(api.me(api.sign(make_claims(), alg=["HS256", "EdDSA"])), "algorithm not allowed")


@pytest.mark.parametrize("crit", [["exp"], ["b64"], []])
def test_read_me_crit_header_refused(api: ModeApi, make_claims: ClaimsFactory, crit: list) -> None:
    token = api.sign(make_claims(), crit=crit)

    assert_refused(api.me(token), "critical header extensions are not supported")


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("jwk", {"kty": "oct", "k": "c2VjcmV0"}),
        ("jku", "http://127.0.0.1:9/jwks"),
        ("x5u", "http://127.0.0.1:9/cert.pem"),
        ("x5c", ["MIIBszCCAVmgAwIBAgIU"]),
    ],
    ids=["jwk", "jku", "x5u", "x5c"],
)
def test_read_me_key_header_refused_even_when_signature_holds(
    api: ModeApi, make_claims: ClaimsFactory, header: str, value: object
) -> None:
    token = api.sign(make_claims(), **{header: value})

    assert_refused(api.me(token), "keys named by the token are not trusted")


@pytest.mark.parametrize("typ", ["at+jwt", "better-auth.session-cache+jwt", "JWS", 7])
def test_read_me_other_token_type_refused(
    api: ModeApi, make_claims: ClaimsFactory, typ: object
) -> None:
    assert_refused(api.me(api.sign(make_claims(), typ=typ)), "not an access token")


def test_read_me_exp_in_past_refused(api: ModeApi, make_claims: ClaimsFactory) -> None:
    exp = int(time.time()) - 3600

    assert_refused(api.me(api.sign(make_claims(exp=exp, iat=exp - 900))), "token has expired")


def test_read_me_exp_at_leeway_boundary_refused(api: ModeApi, make_claims: ClaimsFactory) -> None:
    exp = int(time.time()) - LEEWAY_SECONDS

    assert_refused(api.me(api.sign(make_claims(exp=exp, iat=exp - 900))), "token has expired")


def test_read_me_exp_inside_leeway_accepted(api: ModeApi, make_claims: ClaimsFactory) -> None:
    """The other side of the boundary: a token a few seconds past `exp` still works."""
    exp = int(time.time()) - LEEWAY_SECONDS + 5

    assert api.me(api.sign(make_claims(exp=exp, iat=exp - 900))).status_code == 200


def test_read_me_iat_in_future_refused(api: ModeApi, make_claims: ClaimsFactory) -> None:
    iat = int(time.time()) + LEEWAY_SECONDS + 5

    token = api.sign(make_claims(iat=iat, exp=iat + 900))

    assert_refused(api.me(token), "token is issued in the future")


def test_read_me_nbf_in_future_refused(api: ModeApi, make_claims: ClaimsFactory) -> None:
    token = api.sign(make_claims(nbf=int(time.time()) + LEEWAY_SECONDS + 5))

    assert_refused(api.me(token), "token is not valid yet")


def test_read_me_lifetime_over_maximum_refused(api: ModeApi, make_claims: ClaimsFactory) -> None:
    iat = int(time.time())

    token = api.sign(make_claims(iat=iat, exp=iat + 3601))

    assert_refused(api.me(token), "token lifetime is out of bounds")


@pytest.mark.parametrize("claim", ["exp", "iat", "sub", "iss", "aud"])
def test_read_me_required_claim_missing_refused(
    api: ModeApi, make_claims: ClaimsFactory, claim: str
) -> None:
    token = api.sign(make_claims(**{claim: None}))

    assert_refused(api.me(token), f"missing required claim: {claim}")


@pytest.mark.parametrize("value", ["string", "bool", "null"])
def test_read_me_exp_not_a_number_refused(
    api: ModeApi, make_claims: ClaimsFactory, value: str
) -> None:
    claims = make_claims()
    exp = {"string": str(claims["exp"]), "bool": True, "null": None}[value]
    # Written by hand so that a null survives: make_claims drops claims set to None.
    payload = json.dumps({**claims, "exp": exp})

    assert_refused(api.me(api.sign(payload)), "exp must be a number")


@pytest.mark.parametrize(
    "iss",
    ["http://evil.example", "http://localhost:3000.evil.example", "http://localhost:300"],
    ids=["other", "issuer-is-prefix", "prefix-of-issuer"],
)
def test_read_me_wrong_iss_refused(api: ModeApi, make_claims: ClaimsFactory, iss: str) -> None:
    assert_refused(api.me(api.sign(make_claims(iss=iss))), "wrong issuer")


@pytest.mark.parametrize(
    "aud",
    [
        "http://localhost:3000",
        "http://localhost:8000/",
        ["http://elsewhere"],
        "better-auth:session-cache",
    ],
    ids=["issuer", "trailing-slash", "other-list", "cookie-cache-audience"],
)
def test_read_me_wrong_aud_refused(api: ModeApi, make_claims: ClaimsFactory, aud: object) -> None:
    assert_refused(api.me(api.sign(make_claims(aud=aud))), "wrong audience")


@pytest.mark.parametrize("sub", ["", 7, ["user-a"]], ids=["empty", "int", "list"])
def test_read_me_sub_not_a_non_empty_string_refused(
    api: ModeApi, make_claims: ClaimsFactory, sub: object
) -> None:
    assert_refused(api.me(api.sign(make_claims(sub=sub))), "sub must be a non-empty string")


def test_list_tasks_sub_with_nul_refused(api: ModeApi, make_claims: ClaimsFactory) -> None:
    # Reaches the database if let through: PostgreSQL refuses NUL in text with a 500.
    token = api.sign(make_claims(sub="a\x00b"))
    response = api.client.get("/api/tasks", headers={"Authorization": f"Bearer {token}"})
    assert_refused(response, "sub is not a valid user id")


def test_read_me_duplicate_sub_refused(api: ModeApi, make_claims: ClaimsFactory) -> None:
    payload = json.dumps(make_claims("user-a"))[:-1] + ', "sub": "user-b"}'

    assert_refused(api.me(api.sign(payload)), "repeated name in token")


def test_read_me_duplicate_alg_header_refused(api: ModeApi, make_claims: ClaimsFactory) -> None:
    _, payload, signature = api.sign(make_claims()).split(".")
    doubled = b64url(b'{"alg":"none","alg":"HS256","alg":"EdDSA","kid":"%s"}' % KID.encode())

    assert_refused(api.me(f"{doubled}.{payload}.{signature}"), "repeated name in token")


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token.replace(".", ".!", 1),
        lambda token: token + "=",
        lambda token: token.rsplit(".", 1)[0],
        lambda token: token + ".AAAA",
    ],
    ids=["bad-base64", "padding", "two-segments", "four-segments"],
)
def test_read_me_malformed_token_refused(
    api: ModeApi, make_claims: ClaimsFactory, mangle: Callable[[str], str]
) -> None:
    assert_refused(api.me(mangle(api.sign(make_claims()))), "malformed token")


def test_read_me_deeply_nested_payload_refused(api: ModeApi) -> None:
    assert_refused(api.me(api.sign("[" * 3000 + "]" * 3000)), "malformed token")


def test_read_me_oversized_token_refused(api: ModeApi, make_claims: ClaimsFactory) -> None:
    token = api.sign(make_claims(padding="x" * MAX_TOKEN_LENGTH))

    assert_refused(api.me(token), "token is too long")


@pytest.mark.parametrize("kind", ["email_verification", "cookie_cache"])
def test_read_me_other_better_auth_token_with_same_secret_refused(
    client: TestClient, kind: str
) -> None:
    """Better Auth signs these with the very secret the API holds; only their claims differ."""
    assert OTHER_BETTER_AUTH_TOKENS["secret"] == TEST_SECRET
    token = OTHER_BETTER_AUTH_TOKENS["tokens"][kind]

    response = client.get("/api/me", headers={"Authorization": f"Bearer {token}"})

    assert_refused(response, "missing required claim: sub")
