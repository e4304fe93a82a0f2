"""Remembers verified tokens, so a repeated token costs a hash and a lookup, not a signature."""

import hashlib
from collections import OrderedDict

from app.core.security.claims import VerifiedToken

# A few hundred bytes each: ten thousand active tokens cost a few MB at most.
MAX_ENTRIES = 10_000


def cache_key(token: str) -> bytes:
    # Keyed by a digest, so the cache never holds a usable bearer token.
    return hashlib.sha256(token.encode()).digest()


class VerifiedTokenCache:
    """A bounded LRU of verified tokens; an entry is gone from the instant its token expires."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[bytes, VerifiedToken] = OrderedDict()
        self._max_entries = max_entries

    def get(self, key: bytes, now: float) -> VerifiedToken | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if now >= entry.deadline:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return entry

    def put(self, key: bytes, verified: VerifiedToken) -> None:
        self._entries[key] = verified
        self._entries.move_to_end(key)
        if len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()
