"""The error answers that routes document in OpenAPI, each with its `{"detail": ...}` body."""

from typing import Any

from app.models import ErrorMessage


def error(description: str) -> dict[str, Any]:
    return {"model": ErrorMessage, "description": description}


UNREADABLE_BODY = {400: error("The body could not be decoded")}
UNAUTHORIZED = {401: error("Missing or invalid bearer token")}
FORBIDDEN = {403: error("The user id in the path is not the token's subject")}
NOT_FOUND = {404: error("The caller has no task with this id")}
BUSY = {409: error("The task kept changing while the change was merged; try again")}
REPEATED_CREATE = {
    404: error("The task this Idempotency-Key created has been deleted since"),
    409: error("This Idempotency-Key already created a task from a different body"),
}
UNAVAILABLE = {
    503: error(
        "The database, in jwks mode the signing keys, or (when set to refuse) a stale revocation"
        " feed cannot be reached"
    )
}
