"""The verified-token cache: bounded, least recently used out first, never past a deadline."""

from app.core.security.cache import VerifiedTokenCache, cache_key
from app.core.security.claims import Identity, VerifiedToken


def verified(user_id: str, deadline: float = 100.0) -> VerifiedToken:
    return VerifiedToken(Identity(user_id), deadline, 0.0, f"key-{user_id}", None)


ALICE = verified("alice")


def test_cache_key_is_digest_not_token() -> None:
    token = "header.payload.signature"

    key = cache_key(token)

    assert len(key) == 32
    assert token.encode() not in key
    assert key == cache_key(token)
    assert key != cache_key(token + "x")


def test_get_entry_before_deadline_returns_it() -> None:
    cache = VerifiedTokenCache()
    cache.put(b"k", ALICE)

    assert cache.get(b"k", now=99.9) == ALICE


def test_get_entry_at_deadline_returns_none_and_forgets_it() -> None:
    cache = VerifiedTokenCache()
    cache.put(b"k", ALICE)

    assert cache.get(b"k", now=100.0) is None
    assert cache.get(b"k", now=0.0) is None


def test_put_over_capacity_evicts_least_recently_used() -> None:
    cache = VerifiedTokenCache(max_entries=2)
    cache.put(b"a", verified("a"))
    cache.put(b"b", verified("b"))
    cache.get(b"a", 0.0)

    cache.put(b"c", verified("c"))

    assert [cache.get(key, 0.0) for key in (b"a", b"b", b"c")] == [
        verified("a"),
        None,
        verified("c"),
    ]


def test_clear_cache_forgets_every_entry() -> None:
    cache = VerifiedTokenCache()
    cache.put(b"a", ALICE)

    cache.clear()

    assert cache.get(b"a", 0.0) is None
