"""The objects create_app builds once per app, typed, where every request finds them."""

from typing import cast

from better_auth_jwt import TokenVerifier
from fastapi import FastAPI, Request
from sqlalchemy import Engine
from starlette.datastructures import State


class AppState(State):
    """`app.state` with its attributes declared, so readers get types, not Any."""

    engine: Engine
    verifier: TokenVerifier


def install_state(app: FastAPI, *, engine: Engine, verifier: TokenVerifier) -> AppState:
    state = AppState({"engine": engine, "verifier": verifier})
    app.state = state
    return state


def app_state(request: Request) -> AppState:
    return cast(AppState, request.app.state)
