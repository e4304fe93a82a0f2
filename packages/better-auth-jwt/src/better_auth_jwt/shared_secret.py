"""The HS256 key: the one secret the frontend shares with the API."""

from jwt.algorithms import HMACAlgorithm

MISMATCH_HINT = (
    "Rejected a token with a bad signature: the API's secret probably differs from the "
    "frontend's BETTER_AUTH_SECRET."
)


class SharedSecret:
    """Verifies HS256 only, always with the configured secret; a `kid` header is never read."""

    alg = "HS256"
    algorithm = HMACAlgorithm(HMACAlgorithm.SHA256)

    def __init__(self, secret: str, mismatch_hint: str | None = MISMATCH_HINT) -> None:
        # prepare_key refuses PEM, SSH and DER public keys, the usual HS/RS confusion material.
        self._key = self.algorithm.prepare_key(secret)
        # Logged (at most once a minute) when a signature does not match: usually two secrets.
        self.mismatch_hint = mismatch_hint

    async def key_for(self, _header: dict[str, object]) -> bytes:
        return self._key

    async def keep_fresh(self) -> None:
        """A secret from the environment has nothing to refresh."""
