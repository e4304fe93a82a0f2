"""The app's side of token verification: its settings in the verifier's terms (the verifier
itself is the better-auth-jwt package, packages/better-auth-jwt)."""

from better_auth_jwt import VerifierSettings

from app.core.config import Settings

MISMATCH_HINT = (
    "Rejected a token with a bad signature: JWT_SECRET in backend/.env probably does not match "
    "BETTER_AUTH_SECRET in frontend/.env.local."
)


def verifier_settings(settings: Settings) -> VerifierSettings:
    return VerifierSettings(
        issuer=settings.JWT_ISSUER,
        audience=settings.JWT_AUDIENCE,
        mode=settings.JWT_MODE,
        secret=settings.JWT_SECRET.get_secret_value() or None,
        jwks_url=settings.JWKS_URL,
        accept_shared_secret=settings.JWT_ACCEPT_SHARED_SECRET,
        max_lifetime_seconds=settings.JWT_MAX_LIFETIME_SECONDS,
        revocation_url=settings.JWT_REVOCATION_URL if settings.JWT_REVOCATION_FEED else None,
        require_sid=settings.JWT_REQUIRE_SID,
        revocation_poll_seconds=settings.JWT_REVOCATION_POLL_SECONDS,
        revocation_stale_after_seconds=settings.JWT_REVOCATION_STALE_AFTER_SECONDS,
        when_revocations_stale=settings.JWT_WHEN_REVOCATIONS_STALE,
        mismatch_hint=MISMATCH_HINT,
    )
