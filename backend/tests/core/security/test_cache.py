"""The verified-token cache: bounded, least recently used out first, never past a deadline."""

from app.core.security.cache import VerifiedTokenCache, cache_key
from app.core.security.claims import Identity

ALICE = Identity("alice")


def test_cache_key_is_digest_not_token() -> None:
    token = "header.payload.signature"

    key = cache_key(token)

    assert len(key) == 32
    assert token.encode() not in key
    assert key == cache_key(token)
    assert key != cache_key(token + "x")


def test_get_entry_before_deadline_returns_identity() -> None:
    cache = VerifiedTokenCache()
    cache.put(b"k", ALICE, deadline=100.0)

    assert cache.get(b"k", now=99.9) == ALICE


def test_get_entry_at_deadline_returns_none_and_forgets_it() -> None:
    cache = VerifiedTokenCache()
    cache.put(b"k", ALICE, deadline=100.0)

    assert cache.get(b"k", now=100.0) is None
    assert cache.get(b"k", now=0.0) is None


def test_put_over_capacity_evicts_least_recently_used() -> None:
    cache = VerifiedTokenCache(max_entries=2)
    cache.put(b"a", Identity("a"), 100.0)
    cache.put(b"b", Identity("b"), 100.0)
    cache.get(b"a", 0.0)

    cache.put(b"c", Identity("c"), 100.0)

    assert [cache.get(key, 0.0) for key in (b"a", b"b", b"c")] == [
        Identity("a"),
        None,
        Identity("c"),
    ]


def test_clear_cache_forgets_every_entry() -> None:
    cache = VerifiedTokenCache()
    cache.put(b"a", ALICE, 100.0)

    cache.clear()

    assert cache.get(b"a", 0.0) is None
