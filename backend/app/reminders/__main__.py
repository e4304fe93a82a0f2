"""`python -m app.reminders`: the reminder sender as a process of its own.

Run it with REMINDER_SENDER=false in the API's environment, or beside API instances that run it too.
"""

import asyncio
import logging

from app.core.config import SenderSettings
from app.core.db import create_db_engine
from app.reminders.sender import Scheduler


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    settings = SenderSettings()
    engine = create_db_engine(settings.DATABASE_URL)
    try:
        asyncio.run(Scheduler(engine, settings).run(asyncio.Event()))
    except KeyboardInterrupt:
        pass
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
