"""Schemathesis fuzzes every operation of the app's own OpenAPI document, with a real token."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from sqlalchemy import Engine

from app.core.config import Settings
from app.main import create_app
from tests.conftest import TEST_SECRET, TokenFactory

USER = "fuzz-user"

# Built at import, because the schema is, before the test database exists; the fixture below
# points it at that database. (schemathesis.pytest.from_fixture would build it per test, but
# it sets Node._nodeid, which pytest 9.2 no longer has.)
app = create_app(
    Settings(
        _env_file=None, JWT_SECRET=TEST_SECRET, DATABASE_URL="sqlite://", JWT_REVOCATION_FEED=False
    )
)
config = SchemathesisConfig.from_dict(
    {
        # The test sends the real token itself; generated Authorization headers would replace it.
        "generation": {"max-examples": 30, "with-security-parameters": False},
        # The path form then reaches the handlers; its 403s are proven in test_isolation.py.
        "parameters": {"user_id": USER},
        "checks": {
            # Rules across fields (a reminder needs a due date, not after it; a recurring task
            # needs a due date) cannot be said in JSON Schema, so schema-valid bodies may get 422.
            "positive_data_acceptance": {"enabled": False},
            # Starlette's 405 lists the methods of one route only, not of the whole path.
            "allow_header_conformance": {"enabled": False},
        },
    }
)
schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=config)


@pytest.fixture
def app_on_test_database(db: Engine) -> None:
    """The app's routes take their sessions from this engine."""
    app.state.engine = db


@schema.parametrize()
# One database per operation, shared by its examples: what they leave behind is fuzzed too.
# No deadline: a slow request on a busy machine is not what this test looks for.
@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@pytest.mark.usefixtures("app_on_test_database")
def test_openapi_operation_survives_fuzzing(
    case: schemathesis.Case, make_token: TokenFactory
) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {make_token(USER)}"})
