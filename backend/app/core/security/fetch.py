"""Downloads the JWKS document over HTTP, within a deadline and a size cap."""

import asyncio
from collections.abc import Awaitable, Callable

import httpx2

# Long enough for a busy frontend, short enough that a request waiting on a refetch gives up fast.
FETCH_TIMEOUT_SECONDS = 3.0
# Better Auth's JWKS is well under 1 KB per key; anything this large is not a key set.
MAX_JWKS_BYTES = 64 * 1024

JwksFetch = Callable[[], Awaitable[bytes]]


class JwksFetchError(Exception):
    """The JWKS endpoint could not be reached or did not answer with a document."""


def http_jwks_fetch(url: str, timeout: float = FETCH_TIMEOUT_SECONDS) -> JwksFetch:
    async def fetch() -> bytes:
        try:
            # httpx's timeout bounds each read; this bounds a server that drips bytes too.
            async with asyncio.timeout(timeout):
                return await _download(url, timeout)
        except (httpx2.HTTPError, TimeoutError) as exc:
            raise JwksFetchError(f"{url}: {type(exc).__name__} {exc}".strip()) from None

    return fetch


async def _download(url: str, timeout: float) -> bytes:
    # A client per fetch: fetches are minutes apart, and nothing is left open at shutdown.
    async with (
        httpx2.AsyncClient(timeout=timeout, follow_redirects=False) as client,
        client.stream("GET", url, headers={"Accept": "application/json"}) as response,
    ):
        if response.status_code != 200:
            raise JwksFetchError(f"{url} answered HTTP {response.status_code}")
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > MAX_JWKS_BYTES:
                raise JwksFetchError(f"{url} answered more than {MAX_JWKS_BYTES} bytes")
        return bytes(body)
