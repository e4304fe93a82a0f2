"""The HS256 key: the one secret the frontend shares with the API."""

from jwt.algorithms import HMACAlgorithm

MISMATCH_HINT = (
    "Rejected a token with a bad signature: JWT_SECRET in backend/.env probably does not match "
    "BETTER_AUTH_SECRET in frontend/.env.local."
)


class SharedSecret:
    """Verifies HS256 only, always with the configured secret; a `kid` header is never read."""

    alg = "HS256"
    algorithm = HMACAlgorithm(HMACAlgorithm.SHA256)
    mismatch_hint: str | None = MISMATCH_HINT

    def __init__(self, secret: str) -> None:
        # prepare_key refuses PEM, SSH and DER public keys, the usual HS/RS confusion material.
        self._key = self.algorithm.prepare_key(secret)

    async def key_for(self, _header: dict[str, object]) -> bytes:
        return self._key

    async def keep_fresh(self) -> None:
        """A secret from the environment has nothing to refresh."""
