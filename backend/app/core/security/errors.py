"""The two ways verification fails, which the API layer answers with 401 and 503."""


class TokenError(Exception):
    """The token is refused (401); `reason` is safe to show to the client."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class KeysUnavailableError(Exception):
    """No signing key is known and none could be fetched (503): the token itself may be fine."""
