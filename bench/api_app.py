"""The API as shipped, plus an unauthenticated twin of `GET /api/me`, to measure the auth tax."""

from fastapi import FastAPI

from better_auth_jwt import Identity
from app.main import create_app as create_api

ANONYMOUS = Identity(user_id="bench-anonymous", email="anonymous@example.test", name="Anonymous")


def create_app() -> FastAPI:
    app = create_api()

    # Same shape as /api/me (async, returns an Identity through the same response model), only
    # without the CurrentUser dependency: the difference between the two is what auth costs.
    @app.get("/bench/me")
    async def read_anonymous_me() -> Identity:
        return ANONYMOUS

    return app
