"""Token verification for the API; nothing in this package imports FastAPI."""

from app.core.security.claims import Identity
from app.core.security.errors import KeysUnavailableError, TokenError
from app.core.security.verifier import TokenVerifier, build_verifier

__all__ = ["Identity", "KeysUnavailableError", "TokenError", "TokenVerifier", "build_verifier"]
