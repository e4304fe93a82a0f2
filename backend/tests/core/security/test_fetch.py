"""Fetching the JWKS over real HTTP on loopback: answers, failures, deadline, size cap."""

import socket
import time

import pytest

from app.core.security.fetch import MAX_JWKS_BYTES, FetchError, http_jwks_fetch
from tests.signing import JwksServer

pytestmark = pytest.mark.anyio


async def test_fetch_jwks_returns_body(jwks_server: JwksServer) -> None:
    assert await http_jwks_fetch(jwks_server.url)() == jwks_server.body
    assert jwks_server.requests == ["/api/auth/jwks"]


@pytest.mark.parametrize("status", [404, 500, 302])
async def test_fetch_jwks_other_status_raises(jwks_server: JwksServer, status: int) -> None:
    jwks_server.status = status

    with pytest.raises(FetchError, match=f"HTTP {status}"):
        await http_jwks_fetch(jwks_server.url)()


async def test_fetch_jwks_oversized_body_raises(jwks_server: JwksServer) -> None:
    jwks_server.body = b" " * (MAX_JWKS_BYTES + 1)

    with pytest.raises(FetchError, match="more than"):
        await http_jwks_fetch(jwks_server.url)()


async def test_fetch_jwks_slow_server_gives_up_at_deadline(jwks_server: JwksServer) -> None:
    jwks_server.answering.clear()
    started = time.monotonic()

    with pytest.raises(FetchError):
        await http_jwks_fetch(jwks_server.url, timeout=0.2)()
    assert time.monotonic() - started < 2


async def test_fetch_jwks_nobody_listening_raises() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with pytest.raises(FetchError, match="ConnectError"):
        await http_jwks_fetch(f"http://127.0.0.1:{port}/api/auth/jwks")()
