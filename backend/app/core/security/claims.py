"""Checks the claims of a token whose signature holds, and names the caller they describe."""

import math
from dataclasses import dataclass

from app.core.security.errors import TokenError

# Better Auth signs other tokens with the same secret (email links, the cookie cache), so only a
# token carrying every one of these, aimed at this API, is an access token.
REQUIRED_CLAIMS = ("exp", "iat", "sub", "iss", "aud")
# Tolerates small clock drift between the Next.js and API hosts.
LEEWAY_SECONDS = 30
# Better Auth's ids are 32 characters; the bound keeps a signed oddity from reaching an index.
MAX_SUB_LENGTH = 255


@dataclass(frozen=True, slots=True)
class Identity:
    user_id: str
    email: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimRules:
    issuer: str
    audience: str
    max_lifetime: float
    leeway: float = LEEWAY_SECONDS

    def check(self, claims: dict[str, object], now: float) -> tuple[Identity, float]:
        """The caller, and the instant from which the token is expired."""
        for name in REQUIRED_CLAIMS:
            if name not in claims:
                raise TokenError(f"missing required claim: {name}")
        expires, issued = _instant(claims, "exp"), _instant(claims, "iat")
        deadline = expires + self.leeway
        if now >= deadline:
            raise TokenError("token has expired")
        if issued > now + self.leeway:
            raise TokenError("token is issued in the future")
        if "nbf" in claims and _instant(claims, "nbf") > now + self.leeway:
            raise TokenError("token is not valid yet")
        if not 0 < expires - issued <= self.max_lifetime:
            raise TokenError("token lifetime is out of bounds")
        if claims["iss"] != self.issuer:
            raise TokenError("wrong issuer")
        if not self._names_audience(claims["aud"]):
            raise TokenError("wrong audience")
        sub = claims["sub"]
        if not isinstance(sub, str) or not sub:
            raise TokenError("sub must be a non-empty string")
        # NUL and other control characters are not ids, and PostgreSQL refuses NUL in text.
        if len(sub) > MAX_SUB_LENGTH or not sub.isprintable():
            raise TokenError("sub is not a valid user id")
        return Identity(sub, _text(claims, "email"), _text(claims, "name")), deadline

    def _names_audience(self, aud: object) -> bool:
        if isinstance(aud, list):
            return all(isinstance(item, str) for item in aud) and self.audience in aud
        return aud == self.audience


def _instant(claims: dict[str, object], name: str) -> float:
    value = claims[name]
    # bool is an int in Python but not a number in JSON; 1e999 parses as an infinite float.
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if not is_number or (isinstance(value, float) and not math.isfinite(value)):
        raise TokenError(f"{name} must be a number")
    return value


def _text(claims: dict[str, object], name: str) -> str | None:
    value = claims.get(name)
    return value if isinstance(value, str) else None
