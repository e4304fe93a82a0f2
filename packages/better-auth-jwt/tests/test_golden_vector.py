"""A token captured from a real Better Auth 1.7.1 server verifies; no one-character change does."""

import json
import string
from pathlib import Path

import pytest

from better_auth_jwt import Identity, TokenError
from better_auth_jwt.claims import LEEWAY_SECONDS, ClaimRules
from better_auth_jwt.jwks import JwksKeys
from better_auth_jwt.verifier import TokenVerifier

pytestmark = pytest.mark.anyio

VECTOR = json.loads(
    (Path(__file__).parent / "vectors" / "better-auth-1.7.1-eddsa-jwt.json").read_text()
)
TOKEN: str = VECTOR["token"]
CLAIMS = VECTOR["claims"]
# Every base64url character, the separator, and characters a lenient decoder would skip.
REPLACEMENTS = string.ascii_letters + string.digits + "-_.=+/ !\n"


def vector_verifier(now: float) -> TokenVerifier:
    async def fetch() -> bytes:
        return json.dumps(VECTOR["jwks"]).encode()

    # The monotonic clock never moves, so at most one unknown-kid refetch ever happens.
    keys = JwksKeys(fetch, monotonic=lambda: 0.0)
    rules = ClaimRules(VECTOR["issuer"], CLAIMS["aud"], max_lifetime=3600)
    return TokenVerifier([keys], rules, clock=lambda: now)


@pytest.mark.parametrize(
    "now",
    [CLAIMS["iat"], CLAIMS["iat"] + 60, CLAIMS["exp"] + LEEWAY_SECONDS - 1],
    ids=["at-iat", "a-minute-in", "last-second-of-leeway"],
)
async def test_verify_golden_vector_inside_lifetime_accepted(now: int) -> None:
    identity = await vector_verifier(now).verify(TOKEN)

    assert identity == Identity(CLAIMS["sub"], CLAIMS["email"], CLAIMS["name"])


@pytest.mark.parametrize(
    ("now", "reason"),
    [
        (CLAIMS["exp"] + LEEWAY_SECONDS, "token has expired"),
        (CLAIMS["iat"] - LEEWAY_SECONDS - 1, "token is issued in the future"),
    ],
    ids=["past-exp-and-leeway", "before-iat-and-leeway"],
)
async def test_verify_golden_vector_outside_lifetime_refused(now: int, reason: str) -> None:
    with pytest.raises(TokenError, match=reason):
        await vector_verifier(now).verify(TOKEN)


async def test_verify_golden_vector_every_one_character_change_refused() -> None:
    verifier = vector_verifier(CLAIMS["iat"] + 60)
    await verifier.verify(TOKEN)
    accepted = []

    for position, original in enumerate(TOKEN):
        for replacement in REPLACEMENTS:
            if replacement == original:
                continue
            mutated = TOKEN[:position] + replacement + TOKEN[position + 1 :]
            try:
                await verifier.verify(mutated)
            except TokenError:
                continue
            accepted.append((position, replacement))

    assert accepted == []
