"""The compatibility matrix: every Better Auth release in package.json signs a user up and mints a
token in both modes (mint.mjs, real Better Auth in Node); the README's FastAPI example for that
mode, run as written, answers /me with that user. Run by scripts/check-package.sh, in a clean
virtualenv where the package was installed from its path."""

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from better_auth_jwt.testing import JwksServer

HERE = Path(__file__).parent
README = (HERE.parent / "README.md").read_text()
RELEASES = sorted(
    name
    for name in json.loads((HERE / "package.json").read_text())["dependencies"]
    if name.startswith("better-auth-")
)
SECRET = "a-matrix-secret-0123456789-abcdefghijkl"
AUDIENCE = "http://127.0.0.1:8000"


def readme_example(mode: str) -> str:
    found = re.search(rf"<!-- example: {mode} -->\n```python\n(.*?)```", README, re.DOTALL)
    assert found, f"the README has no example for {mode} mode"
    return found.group(1)


def tampered(token: str) -> str:
    """The token with one character of its signature changed (a data character, never the last,
    whose low bits may be padding)."""
    head, _, signature = token.rpartition(".")
    flipped = "B" if signature[10] == "A" else "A"
    return f"{head}.{signature[:10]}{flipped}{signature[11:]}"


@pytest.fixture(scope="module", params=RELEASES)
def release(request: pytest.FixtureRequest) -> Iterator[tuple[str, JwksServer, dict[str, Any]]]:
    """A release's tokens; its JWKS served where Better Auth serves it: {issuer}/api/auth/jwks."""
    server = JwksServer()
    origin = server.url.removesuffix("/api/auth/jwks")
    output = subprocess.run(  # noqa: S603 - a fixed script and arguments
        ["node", str(HERE / "mint.mjs"), request.param, origin, AUDIENCE, SECRET],  # noqa: S607
        cwd=HERE,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    minted = json.loads(output.stdout)
    server.body = json.dumps(minted["jwks"]["jwks"]).encode()
    yield origin, server, minted
    server.close()


@pytest.mark.parametrize("mode", ["shared-secret", "jwks"])
def test_readme_example_accepts_the_token_of_a_real_better_auth(
    release: tuple[str, JwksServer, dict[str, Any]], mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    origin, _server, minted = release
    monkeypatch.setenv("BETTER_AUTH_URL", origin)
    monkeypatch.setenv("API_URL", AUDIENCE)
    monkeypatch.setenv("BETTER_AUTH_SECRET", SECRET)
    namespace: dict[str, Any] = {}
    # The README's own text, so the example people copy is the one that was tested.
    exec(compile(readme_example(mode), f"README example ({mode})", "exec"), namespace)  # noqa: S102
    token = minted[mode]["token"]

    with TestClient(namespace["app"]) as client:
        accepted = client.get("/me", headers={"Authorization": f"Bearer {token}"})
        forged = client.get("/me", headers={"Authorization": f"Bearer {tampered(token)}"})

    assert accepted.status_code == 200, accepted.text
    assert accepted.json() == {
        "user_id": minted[mode]["userId"],
        "email": f"{mode}@example.test",
        "name": "Matrix",
        "session_id": minted[mode]["sessionId"],
    }
    assert forged.status_code == 401
