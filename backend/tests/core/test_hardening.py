"""`Vary: Origin` joins a Vary the app set, in one header, as Starlette's CORS joins it."""

from app.core.hardening import with_vary_origin


def test_with_vary_origin_no_vary_appends_one() -> None:
    headers = [(b"content-type", b"application/json")]

    assert with_vary_origin(headers) == [*headers, (b"vary", b"Origin")]


def test_with_vary_origin_existing_vary_joins_into_one_header() -> None:
    headers = [
        (b"vary", b"Accept-Encoding"),
        (b"content-type", b"text/plain"),
        (b"vary", b"Cookie"),
    ]

    assert with_vary_origin(headers) == [
        (b"content-type", b"text/plain"),
        (b"vary", b"Accept-Encoding, Cookie, Origin"),
    ]
