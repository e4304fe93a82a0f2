"""The ways verification fails: each error knows the HTTP status an API answers it with."""

from typing import ClassVar


class TokenError(Exception):
    """The token is refused (401); `reason` is safe to show to the client."""

    status_code: ClassVar[int] = 401

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class KeysUnavailableError(Exception):
    """No signing key is known and none could be fetched (503): the token itself may be fine."""

    status_code: ClassVar[int] = 503


class RevocationsUnavailableError(Exception):
    """The revocation feed has been unreachable for too long, and the verifier is set to refuse
    then (503): a revoked token might otherwise pass."""

    status_code: ClassVar[int] = 503


class ConfigurationError(ValueError):
    """The settings cannot work; the message says what to change."""
