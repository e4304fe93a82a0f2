"""Test helpers for code that verifies Better Auth tokens: a forger for any token, Better Auth's
JWK shape, and loopback servers standing in for its JWKS and revocation feed.

Nothing here is used by the verifier itself; it needs no test framework.
"""

import base64
import hmac
import json
import threading
import time
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

KID = "test-key-1"
# What a test app is configured with: a local frontend and API, and secrets known to the tests
# only (OTHER_SECRET signs what the app must refuse).
ISSUER = "http://localhost:3000"
AUDIENCE = "http://localhost:8000"
TEST_SECRET = "test-secret-0123456789-abcdefghijklmnop"  # noqa: S105
OTHER_SECRET = "another-secret-0123456789-abcdefghijkl"  # noqa: S105

Claims = dict[str, object]
ClaimsFactory = Callable[..., Claims]
TokenFactory = Callable[..., str]
SigningKey = bytes | Ed25519PrivateKey | None


def access_claims(
    issuer: str, audience: str, sub: str | None = "user-a", **overrides: object
) -> Claims:
    """Claims of a valid 15-minute access token as Better Auth's jwt plugin issues it, with the
    `email`, `name` and `sid` a typical definePayload adds; a claim overridden with None is left
    out."""
    now = int(time.time())
    claims = {
        "sub": sub,
        "email": f"{sub}@example.com",
        "name": f"User {sub}",
        "sid": f"session-of-{sub}",
        "iss": issuer,
        "aud": audience,
        "iat": now,
        "exp": now + 15 * 60,
        **overrides,
    }
    return {name: value for name, value in claims.items() if value is not None}


def identity_json(sub: str) -> dict[str, str]:
    """The JSON of the `Identity` verified from a token carrying `access_claims(..., sub)`."""
    return {
        "user_id": sub,
        "email": f"{sub}@example.com",
        "name": f"User {sub}",
        "session_id": f"session-of-{sub}",
    }


class ManualClock:
    """A clock in seconds, as `time.time`, that moves only when the test sets `now`."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


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


KEEP_SECONDS = 960


class FeedServer(JwksServer):
    """Publishes the entries added to it, `since` (ms, inclusive) and pages of `page_size`."""

    def __init__(self, page_size: int = 500) -> None:
        super().__init__()
        self.entries: list[dict[str, Any]] = []
        self.page_size = page_size
        # The feed's clock, in milliseconds; None follows the real one.
        self.now: int | None = None

    @property
    def url(self) -> str:
        return super().url.replace("/jwks", "/revocations")

    def add(self, kind: str, subject: str, before: float | None = None) -> dict[str, Any]:
        created = self.now if self.now is not None else int(time.time() * 1000)
        entry = {"id": uuid.uuid4().hex, "kind": kind, "subject": subject, "before": before}
        self.entries.append({**entry, "createdAt": created})
        return entry

    def document(self, path: str) -> bytes:
        since = parse_qs(urlsplit(path).query).get("since")
        start = int(since[0]) if since else 0
        now = self.now if self.now is not None else int(time.time() * 1000)
        published = [e for e in self.entries if e["createdAt"] + KEEP_SECONDS * 1000 > now]
        page = [e for e in published if e["createdAt"] >= start][: self.page_size]
        more = len(page) == self.page_size
        answer = {"now": now, "keepSeconds": KEEP_SECONDS, "more": more, "entries": page}
        return json.dumps(answer).encode()
