"""The ways verification fails, which the API layer answers with 401 and 503."""


class TokenError(Exception):
    """The token is refused (401); `reason` is safe to show to the client."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class KeysUnavailableError(Exception):
    """No signing key is known and none could be fetched (503): the token itself may be fine."""


class RevocationsUnavailableError(Exception):
    """The revocation feed has been unreachable for too long, and the API is set to refuse then
    (503): a revoked token might otherwise pass."""
