"""The peer's FastAPI app for bench/peer.ts, as a uvicorn factory (`peer_app:create_app`).

bench/peer.ts runs it with the peer's exported backend first on PYTHONPATH. The peer's startup
makes sure a MinIO bucket exists and fails without MinIO, which this machine does not run and the
task list never touches; that one step is replaced here, in memory, before the app is built.
Everything else (its middlewares, database, JWKS verification and scheduler) runs as it ships.
"""

from fastapi import FastAPI


async def _skip_bucket_check(_self: object) -> None:
    """Stands in for StorageService.ensure_bucket_exists: no object storage in the benchmark."""


def create_app() -> FastAPI:
    # Imported here: the peer's modules read their settings from the environment on import.
    from core.app import create_app as peer_create_app
    from services.storage_service import StorageService

    StorageService.ensure_bucket_exists = _skip_bucket_check
    return peer_create_app()
