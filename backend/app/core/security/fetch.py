"""Downloads a document the frontend publishes (the JWKS, the revocation feed) within a deadline
and a size cap."""

import asyncio
from collections.abc import Awaitable, Callable

import httpx2

# Long enough for a busy frontend, short enough that a request waiting on a refetch gives up fast.
FETCH_TIMEOUT_SECONDS = 3.0
# Better Auth's JWKS is well under 1 KB per key; anything this large is not a key set.
MAX_JWKS_BYTES = 64 * 1024

JwksFetch = Callable[[], Awaitable[bytes]]


class FetchError(Exception):
    """The endpoint could not be reached or did not answer with a document."""


def http_jwks_fetch(url: str, timeout: float = FETCH_TIMEOUT_SECONDS) -> JwksFetch:
    async def fetch() -> bytes:
        # A client per fetch: fetches are minutes apart, and nothing is left open at shutdown.
        async with httpx2.AsyncClient(timeout=timeout, follow_redirects=False) as client:
            return await download(client, url, max_bytes=MAX_JWKS_BYTES, timeout=timeout)

    return fetch


async def download(
    client: httpx2.AsyncClient,
    url: str,
    *,
    max_bytes: int,
    timeout: float,
    params: dict[str, str] | None = None,
) -> bytes:
    """The body of a 200 answer to GET `url`, or FetchError saying what went wrong."""
    try:
        # httpx's timeout bounds each read; this bounds a server that drips bytes too.
        async with asyncio.timeout(timeout):
            return await _read(client, url, max_bytes, params or {})
    except (httpx2.HTTPError, TimeoutError) as exc:
        raise FetchError(f"{url}: {type(exc).__name__} {exc}".strip()) from None


async def _read(
    client: httpx2.AsyncClient, url: str, max_bytes: int, params: dict[str, str]
) -> bytes:
    headers = {"Accept": "application/json"}
    async with client.stream("GET", url, params=params, headers=headers) as response:
        if response.status_code != 200:
            raise FetchError(f"{url} answered HTTP {response.status_code}")
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(f"{url} answered more than {max_bytes} bytes")
        return bytes(body)
