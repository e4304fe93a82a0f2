"""The API with `/api/me`'s bearer check in an ASGI layer instead of FastAPI's dependency system.

For measurement only (bench/asgi_cost.py): it answers what leaving FastAPI's dependency injection for
authentication would buy, the option issue 17's `/api/me` goal leaves open. The route reads the identity
that the layer put in the scope through the `Request` FastAPI passes anyway, which costs it nothing to
solve, where a `Depends` costs a sub-dependency solve on every request. No 401 handling: the harness
sends a valid token.
"""

from better_auth_jwt import Identity
from better_auth_jwt.fastapi import bearer_token
from fastapi import FastAPI, Request
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from app.core.state import AppState
from app.main import create_app as create_api

PATH = "/bench/asgi-me"


def create_app() -> FastAPI:
    app = create_api()
    state: AppState = app.state

    @app.get(PATH)
    async def read_me(request: Request) -> Identity:
        identity: Identity = request.scope["identity"]
        return identity

    # Where /api/me is in the table, so both are matched after the same routes.
    routes = app.router.routes
    routes.insert([getattr(route, "path", None) for route in routes].index("/api/me"), routes.pop())

    class BearerLayer:
        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http" and scope["path"] == PATH:
                scope["identity"] = await state.verifier.verify(bearer_token(scope) or "")
            await self.app(scope, receive, send)

    # Innermost of the user middleware, where a dependency would run: after CORS and the body limit.
    app.user_middleware.append(Middleware(BearerLayer))
    return app
