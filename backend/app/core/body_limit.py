"""ASGI middleware refusing request bodies over a size limit with 413, before they are read."""

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOO_LARGE = json.dumps({"detail": "request body too large"}).encode()


class BodySizeLimit:
    """Checks Content-Length up front and counts the bytes of chunked bodies as they arrive."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = chunked = None
        for name, value in scope["headers"]:
            if name == b"content-length":
                declared = value
            elif name == b"transfer-encoding":
                chunked = value
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await refuse(send)
            return
        if chunked is None:
            # The server reads exactly the declared length (none without either header), so
            # there is nothing left to count: the request passes through unwrapped.
            await self.app(scope, receive, send)
            return
        received = 0
        refused = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes and not refused:
                    # Answered here, because the framework turns any error while reading into a 400;
                    # the app is told the client left, and whatever it sends next is dropped.
                    refused = True
                    await refuse(send)
            return {"type": "http.disconnect"} if refused else message

        async def guarded_send(message: Message) -> None:
            if not refused:
                await send(message)

        await self.app(scope, counting_receive, guarded_send)


async def refuse(send: Send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(TOO_LARGE)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": TOO_LARGE})
