"""Signing fixtures: an Ed25519 key, a loopback JWKS server, and a forger for any token."""

import base64
import hmac
import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app

KID = "test-key-1"

Claims = dict[str, object]
ClaimsFactory = Callable[..., Claims]
SigningKey = bytes | Ed25519PrivateKey | None


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def forge(header: dict[str, object], payload: Claims | str, key: SigningKey) -> str:
    """Signs exactly what it is given: `alg` is only data here, a str payload is raw JSON, bytes
    sign HS256, an Ed25519 key signs EdDSA and None leaves the signature empty."""
    body = payload if isinstance(payload, str) else json.dumps(payload)
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(body.encode())}"
    if isinstance(key, Ed25519PrivateKey):
        signature = key.sign(signing_input.encode())
    elif isinstance(key, bytes):
        signature = hmac.new(key, signing_input.encode(), "sha256").digest()
    else:
        signature = b""
    return f"{signing_input}.{b64url(signature)}"


def public_jwk(key: Ed25519PrivateKey, kid: str = KID, **fields: object) -> dict[str, object]:
    """The key as Better Auth publishes it; a field overridden with None is left out."""
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    jwk = {"alg": "EdDSA", "crv": "Ed25519", "x": b64url(raw), "kty": "OKP", "kid": kid, **fields}
    return {name: value for name, value in jwk.items() if value is not None}


def jwks_document(*jwks: dict[str, object]) -> bytes:
    return json.dumps({"keys": list(jwks)}).encode()


class JwksServer:
    """An HTTP server on loopback that answers every GET with `status` and `body`, and records
    the paths it was asked for. Clearing `answering` holds each answer back until it is set."""

    def __init__(self, body: bytes = b"") -> None:
        self.body = body
        self.status = 200
        self.requests: list[str] = []
        self.answering = threading.Event()
        self.answering.set()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        # A short poll interval keeps shutdown, and so each test's teardown, quick.
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,))
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/api/auth/jwks"

    def document(self, _path: str) -> bytes:
        """The answer to a GET of `path`; the same `body` for every path here."""
        return self.body

    def close(self) -> None:
        self.answering.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                server.answering.wait(timeout=30)
                body = server.document(self.path)
                self.send_response(server.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                """Quiet: the tests read `requests` instead."""

        return Handler


@pytest.fixture
def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def jwks_server(signing_key: Ed25519PrivateKey) -> Iterator[JwksServer]:
    server = JwksServer(jwks_document(public_jwk(signing_key)))
    yield server
    server.close()


@pytest.fixture
def jwks_settings(settings: Settings, jwks_server: JwksServer) -> Settings:
    return Settings(
        _env_file=None,
        JWT_MODE="jwks",
        JWKS_URL=jwks_server.url,
        DATABASE_URL=settings.DATABASE_URL,
        JWT_REVOCATION_FEED=False,
    )


@pytest.fixture
def jwks_client(jwks_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(jwks_settings)) as test_client:
        yield test_client


@pytest.fixture
def make_claims(settings: Settings) -> ClaimsFactory:
    """Claims of a valid 15-minute access token; a claim overridden with None is left out."""

    def make(sub: str | None = "user-a", **overrides: object) -> Claims:
        now = int(time.time())
        claims = {
            "sub": sub,
            "email": f"{sub}@example.com",
            "name": f"User {sub}",
            "sid": f"session-of-{sub}",
            "iss": settings.JWT_ISSUER,
            "aud": settings.JWT_AUDIENCE,
            "iat": now,
            "exp": now + 15 * 60,
            **overrides,
        }
        return {name: value for name, value in claims.items() if value is not None}

    return make


@pytest.fixture
def make_eddsa_token(
    signing_key: Ed25519PrivateKey, make_claims: ClaimsFactory
) -> Callable[..., str]:
    """A token as Better Auth signs it in jwks mode: EdDSA, `kid`, no `typ`."""

    def make(sub: str | None = "user-a", *, kid: str = KID, **overrides: object) -> str:
        return forge({"alg": "EdDSA", "kid": kid}, make_claims(sub, **overrides), signing_key)

    return make
