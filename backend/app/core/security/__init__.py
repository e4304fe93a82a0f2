"""Token verification for the API; nothing in this package imports FastAPI."""

from app.core.security.claims import Identity
from app.core.security.errors import KeysUnavailableError, RevocationsUnavailableError, TokenError
from app.core.security.revocations import RevocationFeed
from app.core.security.verifier import TokenVerifier, build_revocation_feed, build_verifier

__all__ = [
    "Identity",
    "KeysUnavailableError",
    "RevocationFeed",
    "RevocationsUnavailableError",
    "TokenError",
    "TokenVerifier",
    "build_revocation_feed",
    "build_verifier",
]
