"""Checks the claims of a token whose signature holds, and names the caller they describe."""

import base64
import hashlib
import math
from dataclasses import dataclass

from app.core.security.errors import TokenError

# Better Auth signs other tokens with the same secret (email links, the cookie cache), so only a
# token carrying every one of these, aimed at this API, is an access token.
REQUIRED_CLAIMS = ("exp", "iat", "sub", "iss", "aud")
# Tolerates small clock drift between the Next.js and API hosts.
LEEWAY_SECONDS = 30
# Better Auth's ids are 32 characters; the bound keeps a signed oddity from reaching an index.
MAX_ID_LENGTH = 255


@dataclass(frozen=True, slots=True)
class Identity:
    user_id: str
    email: str | None = None
    name: str | None = None
    # The Better Auth session the token was minted for (`sid`); its revocation ends the token.
    session_id: str | None = None


def id_digest(value: str) -> str:
    """How the revocation feed names a session or a user: never by the id itself."""
    return base64.urlsafe_b64encode(hashlib.sha256(value.encode()).digest()).rstrip(b"=").decode()


@dataclass(frozen=True, slots=True)
class VerifiedToken:
    """What a verified token says, with what the revocation check needs computed once, up front."""

    identity: Identity
    # The instant from which the token is expired, leeway included.
    deadline: float
    issued_at: float
    user_key: str
    session_key: str | None


@dataclass(frozen=True, slots=True)
class ClaimRules:
    issuer: str
    audience: str
    max_lifetime: float
    leeway: float = LEEWAY_SECONDS
    # With the revocation feed on, a token without `sid` could never be revoked by sign-out.
    require_sid: bool = False

    def check(self, claims: dict[str, object], now: float) -> VerifiedToken:
        for name in REQUIRED_CLAIMS:
            if name not in claims:
                raise TokenError(f"missing required claim: {name}")
        if self.require_sid and "sid" not in claims:
            raise TokenError("missing required claim: sid")
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
        sub = _id(claims, "sub", "user")
        sid = _id(claims, "sid", "session") if "sid" in claims else None
        identity = Identity(sub, _text(claims, "email"), _text(claims, "name"), sid)
        session_key = id_digest(sid) if sid is not None else None
        return VerifiedToken(identity, deadline, issued, id_digest(sub), session_key)

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


def _id(claims: dict[str, object], name: str, kind: str) -> str:
    value = claims[name]
    if not isinstance(value, str) or not value:
        raise TokenError(f"{name} must be a non-empty string")
    # NUL and other control characters are not ids, and PostgreSQL refuses NUL in text.
    if len(value) > MAX_ID_LENGTH or not value.isprintable():
        raise TokenError(f"{name} is not a valid {kind} id")
    return value


def _text(claims: dict[str, object], name: str) -> str | None:
    value = claims.get(name)
    return value if isinstance(value, str) else None
