"""Verifies the JWTs that Better Auth's jwt plugin issues, for a Python API.

The core imports no web framework; `better_auth_jwt.fastapi` adds the FastAPI dependency.
"""

from better_auth_jwt.claims import Identity
from better_auth_jwt.errors import (
    ConfigurationError,
    KeysUnavailableError,
    RevocationsUnavailableError,
    TokenError,
)
from better_auth_jwt.revocations import RevocationFeed
from better_auth_jwt.settings import VerifierSettings
from better_auth_jwt.verifier import TokenVerifier

__version__ = "0.1.0"

__all__ = [
    "ConfigurationError",
    "Identity",
    "KeysUnavailableError",
    "RevocationFeed",
    "RevocationsUnavailableError",
    "TokenError",
    "TokenVerifier",
    "VerifierSettings",
    "__version__",
]
