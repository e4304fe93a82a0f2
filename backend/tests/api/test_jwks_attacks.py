"""The attack catalogue, part 2: keys. Algorithm confusion, `kid` tricks, key URLs, JWKS storms
and outages, in jwks mode and in the shared-secret-to-jwks transition."""

import json
import secrets
from collections.abc import Callable, Iterator

import pytest
from better_auth_jwt.testing import KID, ClaimsFactory, JwksServer, forge, jwks_document, public_jwk
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from fastapi.testclient import TestClient
from httpx2 import Response
from pydantic import SecretStr

from app.core.config import Settings
from app.main import create_app
from tests.api.test_token_attacks import assert_refused
from tests.conftest import TEST_SECRET

EdDSAFactory = Callable[..., str]


def me(client: TestClient, token: str) -> Response:
    return client.get("/api/me", headers={"Authorization": f"Bearer {token}"})


def fetches_after_warm_up(client: TestClient, server: JwksServer, token: str) -> int:
    """Sends a valid token, so the startup fetch is over, and counts the fetches so far."""
    assert me(client, token).status_code == 200
    return len(server.requests)


def public_key_spellings(key: Ed25519PrivateKey) -> dict[str, bytes]:
    """The forms in which an attacker might hand a public key to a naive HMAC verifier."""
    public = key.public_key()
    return {
        "raw": public.public_bytes(Encoding.Raw, PublicFormat.Raw),
        "pem": public.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo),
        "jwks-json": jwks_document(public_jwk(key)),
    }


@pytest.fixture
def transition_client(jwks_settings: Settings) -> Iterator[TestClient]:
    update = {"JWT_ACCEPT_SHARED_SECRET": True, "JWT_SECRET": SecretStr(TEST_SECRET)}
    with TestClient(create_app(jwks_settings.model_copy(update=update))) as client:
        yield client


@pytest.mark.parametrize(
    ("api", "reason"),
    [("jwks_client", "algorithm not allowed"), ("transition_client", "signature does not match")],
    ids=["jwks", "transition"],
)
@pytest.mark.parametrize("spelling", ["raw", "pem", "jwks-json"])
def test_read_me_hs256_signed_with_public_key_refused(
    request: pytest.FixtureRequest,
    signing_key: Ed25519PrivateKey,
    make_claims: ClaimsFactory,
    api: str,
    reason: str,
    spelling: str,
) -> None:
    """jwks mode has no HS256 verifier; the transition's HS256 verifier only knows JWT_SECRET."""
    secret = public_key_spellings(signing_key)[spelling]
    token = forge({"alg": "HS256", "kid": KID}, make_claims(), secret)

    assert_refused(me(request.getfixturevalue(api), token), reason)


def test_read_me_transition_accepts_each_mode_with_its_own_key(
    transition_client: TestClient, make_token: Callable[..., str], make_eddsa_token: EdDSAFactory
) -> None:
    assert me(transition_client, make_token("user-a")).json()["user_id"] == "user-a"
    assert me(transition_client, make_eddsa_token("user-b")).json()["user_id"] == "user-b"


def test_read_me_embedded_attacker_jwk_refused(
    jwks_client: TestClient, make_claims: ClaimsFactory
) -> None:
    attacker = Ed25519PrivateKey.generate()
    header = {"alg": "EdDSA", "kid": "attacker", "jwk": public_jwk(attacker, kid="attacker")}

    assert_refused(
        me(jwks_client, forge(header, make_claims(), attacker)),
        "keys named by the token are not trusted",
    )


@pytest.mark.parametrize("header", ["jku", "x5u"])
def test_read_me_key_url_to_loopback_refused_without_request(
    jwks_client: TestClient,
    jwks_server: JwksServer,
    make_claims: ClaimsFactory,
    make_eddsa_token: EdDSAFactory,
    header: str,
) -> None:
    before = fetches_after_warm_up(jwks_client, jwks_server, make_eddsa_token())
    attacker = Ed25519PrivateKey.generate()
    attacker_server = JwksServer(jwks_document(public_jwk(attacker, kid="attacker")))
    try:
        token = forge(
            {"alg": "EdDSA", "kid": "attacker", header: attacker_server.url},
            make_claims(),
            attacker,
        )
        response = me(jwks_client, token)
    finally:
        attacker_server.close()

    assert_refused(response, "keys named by the token are not trusted")
    assert attacker_server.requests == []
    assert len(jwks_server.requests) == before


@pytest.mark.parametrize(
    "kid",
    ["../../../../etc/passwd", "' OR '1'='1' --", "k2; DROP TABLE jwks;--"],
    ids=["path-traversal", "sql", "sql-drop"],
)
def test_read_me_kid_with_injection_text_refused(
    jwks_client: TestClient, make_eddsa_token: EdDSAFactory, kid: str
) -> None:
    assert_refused(me(jwks_client, make_eddsa_token(kid=kid)), "unknown signing key")


@pytest.mark.parametrize(
    "kid",
    ["", 7, ["test-key-1"], {"id": "test-key-1"}, None],
    ids=["empty", "int", "list", "object", "null"],
)
def test_read_me_kid_not_a_non_empty_string_refused(
    jwks_client: TestClient, signing_key: Ed25519PrivateKey, make_claims: ClaimsFactory, kid: object
) -> None:
    token = forge({"alg": "EdDSA", "kid": kid}, make_claims(), signing_key)

    assert_refused(me(jwks_client, token), "kid must be a short non-empty string")


def test_read_me_kid_of_10_kb_refused(
    jwks_client: TestClient, make_eddsa_token: EdDSAFactory
) -> None:
    assert_refused(me(jwks_client, make_eddsa_token(kid="k" * 10 * 1024)), "token is too long")


def test_read_me_unknown_kid_storm_fetches_jwks_once(
    jwks_client: TestClient, jwks_server: JwksServer, make_eddsa_token: EdDSAFactory
) -> None:
    before = fetches_after_warm_up(jwks_client, jwks_server, make_eddsa_token())

    for _ in range(50):
        assert_refused(
            me(jwks_client, make_eddsa_token(kid=secrets.token_urlsafe(24))),
            "unknown signing key",
        )

    assert len(jwks_server.requests) == before + 1
    assert me(jwks_client, make_eddsa_token()).status_code == 200


def test_read_me_key_published_for_encryption_refused(
    jwks_client: TestClient,
    jwks_server: JwksServer,
    signing_key: Ed25519PrivateKey,
    make_claims: ClaimsFactory,
) -> None:
    encryption_key = Ed25519PrivateKey.generate()
    jwks_server.body = jwks_document(
        public_jwk(signing_key), public_jwk(encryption_key, kid="enc", use="enc")
    )
    token = forge({"alg": "EdDSA", "kid": "enc"}, make_claims(), encryption_key)

    assert_refused(me(jwks_client, token), "unknown signing key")


@pytest.mark.parametrize("failure", ["down", "garbage"])
def test_read_me_no_keys_and_jwks_failing_returns_503(
    jwks_settings: Settings,
    jwks_server: JwksServer,
    make_eddsa_token: EdDSAFactory,
    failure: str,
) -> None:
    if failure == "down":
        jwks_server.status = 503
    else:
        jwks_server.body = b"<html>Bad gateway</html>"

    with TestClient(create_app(jwks_settings)) as client:
        response = me(client, make_eddsa_token())

    assert response.status_code == 503
    assert response.json() == {"detail": "signing keys unavailable"}


@pytest.mark.parametrize("failure", ["down", "garbage"])
def test_read_me_known_keys_and_jwks_failing_still_verifies(
    jwks_client: TestClient,
    jwks_server: JwksServer,
    make_eddsa_token: EdDSAFactory,
    failure: str,
) -> None:
    before = fetches_after_warm_up(jwks_client, jwks_server, make_eddsa_token("user-a"))
    if failure == "down":
        jwks_server.status = 503
    else:
        jwks_server.body = json.dumps({"keys": "gone"}).encode()
    # An unknown kid makes the API refetch now, and the refetch fails.
    assert_refused(me(jwks_client, make_eddsa_token(kid="rotated?")), "unknown signing key")

    response = me(jwks_client, make_eddsa_token("user-b"))

    assert len(jwks_server.requests) == before + 1
    assert response.status_code == 200
    assert response.json()["user_id"] == "user-b"
