"""ASGI middleware for what every exchange shares: no MIME sniffing, no undecodable query."""

import json
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


class Hardening:
    """Adds `X-Content-Type-Options: nosniff` to every answer, and answers 422 to a query string
    whose percent-escapes are not UTF-8, before any route sees it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_nosniff(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), NOSNIFF]
            await send(message)

        if not query_is_utf8(scope.get("query_string", b"")):
            await send_nosniff(
                {
                    "type": "http.response.start",
                    "status": 422,
                    "headers": [(b"content-type", b"application/json")],
                }
            )
            await send_nosniff({"type": "http.response.body", "body": BAD_QUERY})
            return
        await self.app(scope, receive, send_nosniff)
