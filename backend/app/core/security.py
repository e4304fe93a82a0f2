"""Verifies the JWTs that Better Auth issues and turns them into an Identity."""

import logging
from dataclasses import dataclass

import jwt

from app.core.config import Settings

logger = logging.getLogger(__name__)

# Better Auth signs other HS256 tokens (email links, cookie cache) with the same secret,
# so only a token carrying every one of these, aimed at this API, is an access token.
REQUIRED_CLAIMS = ["exp", "iat", "sub", "iss", "aud"]
# Tolerates small clock drift between the Next.js and API hosts.
LEEWAY_SECONDS = 30

_REASONS: tuple[tuple[type[jwt.InvalidTokenError], str], ...] = (
    (jwt.ExpiredSignatureError, "token has expired"),
    (jwt.ImmatureSignatureError, "token is not valid yet"),
    (jwt.InvalidIssuerError, "wrong issuer"),
    (jwt.InvalidAudienceError, "wrong audience"),
    (jwt.InvalidAlgorithmError, "algorithm not allowed"),
    (jwt.MissingRequiredClaimError, "missing required claim"),
)


@dataclass(frozen=True, slots=True)
class Identity:
    user_id: str
    email: str | None = None
    name: str | None = None


class TokenError(Exception):
    """A token was refused; `reason` is safe to show to the client."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TokenVerifier:
    """Shared-secret (HS256) verification; one instance lives for the whole app."""

    def __init__(self, secret: str, issuer: str, audience: str) -> None:
        self._secret = secret
        self._issuer = issuer
        self._audience = audience

    def verify(self, token: str) -> Identity:
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=["HS256"],
                audience=self._audience,
                issuer=self._issuer,
                options={"require": REQUIRED_CLAIMS},
                leeway=LEEWAY_SECONDS,
            )
        except jwt.InvalidSignatureError:
            logger.warning(
                "Rejected a token with a bad signature: JWT_SECRET in backend/.env probably "
                "does not match BETTER_AUTH_SECRET in frontend/.env.local."
            )
            raise TokenError("signature does not match") from None
        except jwt.InvalidTokenError as exc:
            reason = _reason_for(exc)
            logger.debug("Rejected a token: %s", reason)
            raise TokenError(reason) from None
        sub = claims["sub"]
        if not isinstance(sub, str) or not sub:
            logger.debug("Rejected a token: empty sub")
            raise TokenError("sub must be a non-empty string")
        return Identity(user_id=sub, email=_text(claims, "email"), name=_text(claims, "name"))


def build_verifier(settings: Settings) -> TokenVerifier:
    if settings.JWT_MODE == "jwks":
        raise NotImplementedError(
            "JWT_MODE=jwks is not implemented yet; set JWT_MODE=shared-secret (the default)."
        )
    return TokenVerifier(
        settings.JWT_SECRET.get_secret_value(), settings.JWT_ISSUER, settings.JWT_AUDIENCE
    )


def _reason_for(exc: jwt.InvalidTokenError) -> str:
    for exc_type, reason in _REASONS:
        if isinstance(exc, exc_type):
            return reason
    return "malformed token"


def _text(claims: dict[str, object], key: str) -> str | None:
    value = claims.get(key)
    return value if isinstance(value, str) else None
