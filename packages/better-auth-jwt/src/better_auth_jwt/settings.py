"""Everything a verifier is configured with, checked when it is built, not at the first request."""

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from better_auth_jwt.cache import MAX_ENTRIES
from better_auth_jwt.claims import LEEWAY_SECONDS
from better_auth_jwt.errors import ConfigurationError
from better_auth_jwt.revocations import POLL_SECONDS, STALE_AFTER_SECONDS, WhenStale
from better_auth_jwt.shared_secret import MISMATCH_HINT

Mode = Literal["shared-secret", "jwks"]
# Better Auth refuses a BETTER_AUTH_SECRET shorter than this in production.
MIN_SECRET_LENGTH = 32


@dataclass(frozen=True, kw_only=True)
class VerifierSettings:
    """How tokens from one Better Auth frontend are verified by one API.

    `issuer` is Better Auth's base URL (its `iss`), `audience` the URL of this API (the `aud` the
    jwt plugin is configured with). `mode` picks the one algorithm accepted: HS256 with `secret`
    (the frontend's BETTER_AUTH_SECRET), or EdDSA with the public keys at `jwks_url`.
    """

    issuer: str
    audience: str
    mode: Mode = "shared-secret"
    secret: str | None = field(default=None, repr=False)
    # Default: `{issuer}/api/auth/jwks`, where Better Auth's jwt plugin publishes it.
    jwks_url: str | None = None
    # jwks mode only: also accept HS256 tokens signed with `secret`, while moving between modes.
    accept_shared_secret: bool = False
    leeway_seconds: float = LEEWAY_SECONDS
    # Better Auth's tokens live 15 minutes by default; a longer-lived one was not minted for you.
    max_lifetime_seconds: float = 3600
    cache_size: int = MAX_ENTRIES
    # The revocation feed (see the README); None: a token lives until its `exp`.
    revocation_url: str | None = None
    # Default: required exactly when a revocation feed is followed.
    require_sid: bool | None = None
    revocation_poll_seconds: float = POLL_SECONDS
    revocation_stale_after_seconds: float = STALE_AFTER_SECONDS
    when_revocations_stale: WhenStale = "serve"
    # Logged when an HS256 signature does not match, which usually means two different secrets.
    mismatch_hint: str = MISMATCH_HINT

    def __post_init__(self) -> None:
        _require_url("issuer", self.issuer, "Better Auth's base URL, e.g. http://localhost:3000")
        _require_url("audience", self.audience, "this API's URL, as the jwt plugin's audience")
        if self.mode not in ("shared-secret", "jwks"):
            raise ConfigurationError(f'mode must be "shared-secret" or "jwks", not {self.mode!r}.')
        if self.accept_shared_secret and self.mode != "jwks":
            raise ConfigurationError("accept_shared_secret only applies to mode='jwks'.")
        if self.uses_secret and len(self.secret or "") < MIN_SECRET_LENGTH:
            raise ConfigurationError(
                f"secret must be the frontend's BETTER_AUTH_SECRET, at least {MIN_SECRET_LENGTH}"
                " characters (generate one with `openssl rand -base64 32`)."
            )
        if self.jwks_url is not None:
            _require_url("jwks_url", self.jwks_url, "Better Auth's JWKS endpoint")
        if self.revocation_url is not None:
            _require_url("revocation_url", self.revocation_url, "the revocation feed's URL")
        for name in ("leeway_seconds", "revocation_poll_seconds", "revocation_stale_after_seconds"):
            if not getattr(self, name) >= 0:
                raise ConfigurationError(f"{name} must not be negative.")
        if not self.max_lifetime_seconds > 0 or not self.cache_size > 0:
            raise ConfigurationError("max_lifetime_seconds and cache_size must be positive.")
        if self.when_revocations_stale not in ("serve", "refuse"):
            raise ConfigurationError('when_revocations_stale must be "serve" or "refuse".')

    @property
    def uses_secret(self) -> bool:
        return self.mode == "shared-secret" or self.accept_shared_secret

    @property
    def resolved_jwks_url(self) -> str:
        return self.jwks_url or f"{self.issuer.rstrip('/')}/api/auth/jwks"

    @property
    def sid_required(self) -> bool:
        return self.revocation_url is not None if self.require_sid is None else self.require_sid


def _require_url(name: str, value: object, meaning: str) -> None:
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigurationError(f"{name} must be {meaning}; got {value!r}.")
