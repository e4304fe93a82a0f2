"""CPU µs per request through the whole ASGI app, without a network: /api/me against its twin
and against a bare FastAPI route serving the same JSON (bench/bare_api.py).

The HTTP load test on a shared 2-core machine is noisy; this isolates what the app itself spends
on auth. The routes alternate in short rounds and each keeps its best round, so a burst of
load from elsewhere does not land on one side only; rounds are timed in this process's CPU time,
which other processes on the cores do not add to. `--profile` adds cProfile's top entries.
"""

import argparse
import asyncio
import cProfile
import os
import pstats
import secrets
import time

import jwt

SECRET = secrets.token_urlsafe(32)
ISSUER, AUDIENCE = "http://localhost:3000", "http://localhost:8000"
# Before the import below: the app reads its settings from the environment.
os.environ.update(
    JWT_MODE="shared-secret",
    JWT_SECRET=SECRET,
    JWT_ISSUER=ISSUER,
    JWT_AUDIENCE=AUDIENCE,
    DATABASE_URL="sqlite://",
)

import asgi_auth_app  # noqa: E402
import bare_api  # noqa: E402
from api_app import create_app  # noqa: E402


def scope(path: str, headers: list[tuple[bytes, bytes]]) -> dict:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 8000),
    }


async def call(app, request: dict) -> int:
    status = 0

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(dict(request), receive, send)
    return status


async def microseconds(app, request: dict, calls: int) -> float:
    started = time.process_time()
    for _ in range(calls):
        await call(app, request)
    return (time.process_time() - started) / calls * 1e6


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2_000, help="requests per round")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    now = int(time.time())
    claims = {"sub": "u1", "sid": "s1", "iss": ISSUER, "aud": AUDIENCE, "iat": now, "exp": now + 900}
    app = create_app()
    bare = bare_api.create_app()
    layered = asgi_auth_app.create_app()
    me = scope("/api/me", [(b"authorization", f"Bearer {jwt.encode(claims, SECRET)}".encode())])
    anonymous = scope("/bench/me", [])
    layer_me = {**me, "path": asgi_auth_app.PATH, "raw_path": asgi_auth_app.PATH.encode()}
    for target, request in ((app, me), (app, anonymous), (bare, me), (layered, layer_me)):
        if await call(target, request) != 200:
            raise SystemExit(f"{request['path']} did not answer 200")
    me_us = anonymous_us = bare_us = layer_us = float("inf")
    for _ in range(args.rounds):
        me_us = min(me_us, await microseconds(app, me, args.calls))
        anonymous_us = min(anonymous_us, await microseconds(app, anonymous, args.calls))
        bare_us = min(bare_us, await microseconds(bare, me, args.calls))
        layer_us = min(layer_us, await microseconds(layered, layer_me, args.calls))
    print(f"In process, best of {args.rounds} alternating rounds of {args.calls} requests:\n")
    print("| route | µs per request |\n|---|---:|")
    print(f"| GET /api/me (HS256, token cached) | {me_us:.1f} |")
    print(f"| GET /bench/me (same shape, no auth) | {anonymous_us:.1f} |")
    print(f"| GET /api/me of a bare FastAPI app | {bare_us:.1f} |")
    print(f"| GET /api/me, the bearer check in an ASGI layer (bench/asgi_auth_app.py) | {layer_us:.1f} |")
    print(
        f"\nAuth costs {me_us - anonymous_us:.1f} µs per request in the app; "
        f"the ratio of request rates it allows is {anonymous_us / me_us:.2f}; "
        f"against the bare app {bare_us / me_us:.2f}; with the check in an ASGI layer "
        f"{bare_us / layer_us:.2f}."
    )
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        await microseconds(app, me, args.calls)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    asyncio.run(main())
