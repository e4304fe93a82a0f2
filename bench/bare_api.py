"""A bare FastAPI app serving `GET /api/me`'s JSON: no auth, no middleware, no database.

The A/B harness (bench/ab.ts) compares the project's `/api/me` with this route, under the same
uvicorn flags: the gap is what the whole app around the handler costs.
"""

from better_auth_jwt import Identity
from fastapi import FastAPI

# The identity the harness's token carries, so both answers are the same bytes.
IDENTITY = Identity(user_id="ab-owner", email=None, name=None, session_id="ab-session")


def create_app() -> FastAPI:
    app = FastAPI()

    @app.get("/api/me")
    async def read_me() -> Identity:
        return IDENTITY

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
