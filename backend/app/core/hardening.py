"""The API's outer layer: Starlette's CORS, no MIME sniffing on any answer, no undecodable query."""

import json
from functools import partial
from urllib.parse import unquote_to_bytes

from starlette.middleware.cors import CORSMiddleware
from starlette.types import Message, Receive, Scope, Send

NOSNIFF = (b"x-content-type-options", b"nosniff")
BAD_QUERY = json.dumps(
    {
        "detail": [
            {"loc": ["query"], "msg": "query string is not valid UTF-8", "type": "value_error"}
        ]
    },
).encode()


def query_is_utf8(query_string: bytes) -> bool:
    # Starlette would decode bad bytes to U+FFFD and search for that; the client is broken instead.
    try:
        unquote_to_bytes(query_string).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def with_vary_origin(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """`Vary: Origin` added as Starlette's CORS adds it: one header, after any Vary already set."""
    varies = [value for name, value in headers if name == b"vary"]
    if not varies:
        return [*headers, (b"vary", b"Origin")]
    others = [(name, value) for name, value in headers if name != b"vary"]
    return [*others, (b"vary", b", ".join([*varies, b"Origin"]))]


async def send_marked(message: Message, *, send: Send, vary_origin: bool = False) -> None:
    if message["type"] == "http.response.start":
        headers = [*message.get("headers", ()), NOSNIFF]
        message["headers"] = with_vary_origin(headers) if vary_origin else headers
    await send(message)


class Hardening(CORSMiddleware):
    """Starlette's CORS, which also marks every answer `X-Content-Type-Options: nosniff`
    (preflights and refusals included) and answers 422 to a query string whose percent-escapes
    are not UTF-8, before any route sees it.

    One layer rather than two: a request without `Origin` (the CLI, the server-rendered first
    page, anything not a browser's cross-origin call) gets from CORS only the `Vary: Origin` it
    adds to every answer, so it skips CORS's per-request header objects and send wrapper.
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not query_is_utf8(scope.get("query_string", b"")):
            start = {"type": "http.response.start", "status": 422}
            start["headers"] = [(b"content-type", b"application/json")]
            await send_marked(start, send=send)
            await send_marked({"type": "http.response.body", "body": BAD_QUERY}, send=send)
            return
        if any(name == b"origin" for name, _ in scope["headers"]):
            await super().__call__(scope, receive, partial(send_marked, send=send))
        else:
            await self.app(scope, receive, partial(send_marked, send=send, vary_origin=True))
