"""Claim rules at their boundaries, with the clock held still."""

import pytest

from app.core.security.claims import LEEWAY_SECONDS, ClaimRules, Identity, id_digest
from app.core.security.errors import TokenError

NOW = 1_800_000_000
ISSUER = "http://localhost:3000"
AUDIENCE = "http://localhost:8000"
RULES = ClaimRules(ISSUER, AUDIENCE, max_lifetime=3600)


def claims(**overrides: object) -> dict[str, object]:
    """A valid 15-minute token issued a minute ago; a claim overridden with None is left out."""
    base = {"sub": "user-a", "iss": ISSUER, "aud": AUDIENCE, "iat": NOW - 60, "exp": NOW + 840}
    return {k: v for k, v in {**base, **overrides}.items() if v is not None}


def refusal(token_claims: dict[str, object], now: float = NOW) -> str:
    with pytest.raises(TokenError) as caught:
        RULES.check(token_claims, now)
    return caught.value.reason


def test_check_claims_valid_returns_identity_and_deadline() -> None:
    checked = RULES.check(claims(email="a@example.com", name="A", sid="session-a"), NOW)

    assert checked.identity == Identity("user-a", "a@example.com", "A", "session-a")
    assert checked.deadline == NOW + 840 + LEEWAY_SECONDS
    assert checked.issued_at == NOW - 60
    # What the revocation feed publishes: digests, never the ids themselves.
    assert (checked.user_key, checked.session_key) == (id_digest("user-a"), id_digest("session-a"))


def test_check_claims_profile_claims_of_other_types_ignored() -> None:
    identity = RULES.check(claims(email=["a@example.com"], name=7), NOW).identity

    assert identity == Identity("user-a")


@pytest.mark.parametrize("name", ["exp", "iat", "sub", "iss", "aud"])
def test_check_claims_required_claim_missing_refused(name: str) -> None:
    assert refusal(claims(**{name: None})) == f"missing required claim: {name}"


def test_check_claims_exp_just_inside_leeway_accepted() -> None:
    exp = NOW - LEEWAY_SECONDS + 1
    identity = RULES.check(claims(exp=exp, iat=exp - 900), NOW).identity

    assert identity.user_id == "user-a"


@pytest.mark.parametrize("past_leeway", [0, 1, 3600])
def test_check_claims_exp_at_or_past_leeway_refused(past_leeway: int) -> None:
    exp = NOW - LEEWAY_SECONDS - past_leeway

    assert refusal(claims(exp=exp, iat=exp - 900)) == "token has expired"


def test_check_claims_iat_within_leeway_of_future_accepted() -> None:
    identity = RULES.check(claims(iat=NOW + LEEWAY_SECONDS, exp=NOW + 900), NOW).identity

    assert identity.user_id == "user-a"


def test_check_claims_iat_in_future_refused() -> None:
    assert refusal(claims(iat=NOW + LEEWAY_SECONDS + 1)) == "token is issued in the future"


def test_check_claims_nbf_within_leeway_accepted() -> None:
    identity = RULES.check(claims(nbf=NOW + LEEWAY_SECONDS), NOW).identity

    assert identity.user_id == "user-a"


def test_check_claims_nbf_in_future_refused() -> None:
    assert refusal(claims(nbf=NOW + LEEWAY_SECONDS + 1)) == "token is not valid yet"


def test_check_claims_nbf_as_string_refused() -> None:
    assert refusal(claims(nbf=str(NOW))) == "nbf must be a number"


def test_check_claims_lifetime_at_maximum_accepted() -> None:
    identity = RULES.check(claims(iat=NOW - 60, exp=NOW - 60 + 3600), NOW).identity

    assert identity.user_id == "user-a"


@pytest.mark.parametrize(
    ("iat", "exp"),
    [(NOW - 60, NOW - 60 + 3601), (NOW, NOW), (NOW, NOW - 1)],
    ids=["over-maximum", "zero", "negative"],
)
def test_check_claims_lifetime_out_of_bounds_refused(iat: int, exp: int) -> None:
    assert refusal(claims(iat=iat, exp=exp)) == "token lifetime is out of bounds"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("exp", str(NOW + 840)),
        ("exp", True),
        ("exp", [NOW + 840]),
        ("exp", {"at": NOW}),
        ("exp", float("inf")),
        ("iat", str(NOW)),
        ("iat", False),
    ],
    ids=[
        "exp-string",
        "exp-bool",
        "exp-list",
        "exp-object",
        "exp-infinite",
        "iat-string",
        "iat-bool",
    ],
)
def test_check_claims_time_not_a_number_refused(name: str, value: object) -> None:
    assert refusal(claims(**{name: value})) == f"{name} must be a number"


def test_check_claims_fractional_times_accepted() -> None:
    identity = RULES.check(claims(iat=NOW - 0.5, exp=NOW + 0.5), NOW).identity

    assert identity.user_id == "user-a"


@pytest.mark.parametrize(
    "iss",
    [f"{ISSUER}.evil.example", ISSUER[:-1], f"{ISSUER}/", ISSUER.upper(), [ISSUER], ""],
    ids=["prefix-of-longer", "truncated", "trailing-slash", "case", "list", "empty"],
)
def test_check_claims_iss_not_exactly_issuer_refused(iss: object) -> None:
    assert refusal(claims(iss=iss)) == "wrong issuer"


@pytest.mark.parametrize("aud", [AUDIENCE, [AUDIENCE], ["http://other.example", AUDIENCE]])
def test_check_claims_aud_naming_api_accepted(aud: object) -> None:
    identity = RULES.check(claims(aud=aud), NOW).identity

    assert identity.user_id == "user-a"


@pytest.mark.parametrize(
    "aud",
    [ISSUER, f"{AUDIENCE}0", [], ["http://other.example"], [AUDIENCE, 7], {"aud": AUDIENCE}],
    ids=["issuer", "prefix", "empty-list", "other-list", "list-with-number", "object"],
)
def test_check_claims_aud_not_naming_api_refused(aud: object) -> None:
    assert refusal(claims(aud=aud)) == "wrong audience"


@pytest.mark.parametrize("sub", ["", 7, ["user-a"], {"id": "user-a"}, False])
def test_check_claims_sub_not_non_empty_string_refused(sub: object) -> None:
    assert refusal(claims(sub=sub)) == "sub must be a non-empty string"


@pytest.mark.parametrize(
    "sub", ["user\x00a", "user\na", "\u202euser", "u" * 256], ids=["nul", "newline", "bidi", "long"]
)
def test_check_claims_sub_not_an_id_refused(sub: str) -> None:
    assert refusal(claims(sub=sub)) == "sub is not a valid user id"


def test_check_claims_without_sid_accepted_unless_required() -> None:
    checked = RULES.check(claims(), NOW)

    assert (checked.identity.session_id, checked.session_key) == (None, None)
    with pytest.raises(TokenError, match="missing required claim: sid"):
        ClaimRules(ISSUER, AUDIENCE, max_lifetime=3600, require_sid=True).check(claims(), NOW)


@pytest.mark.parametrize(
    ("sid", "reason"),
    [
        ("", "sid must be a non-empty string"),
        (7, "sid must be a non-empty string"),
        (None, "sid must be a non-empty string"),
        ("session\x00a", "sid is not a valid session id"),
        ("s" * 256, "sid is not a valid session id"),
    ],
    ids=["empty", "number", "null", "nul", "long"],
)
def test_check_claims_sid_not_an_id_refused(sid: object, reason: str) -> None:
    # None here is JSON null, present in the token: unlike a missing sid, never accepted.
    token_claims = {**claims(), "sid": sid}

    assert refusal(token_claims) == reason
