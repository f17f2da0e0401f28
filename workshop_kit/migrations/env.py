"""Alembic's entry point: migrate on the connection the store hands over, or on $WORKSHOP_KIT_DATABASE_URL.

The store runs ``upgrade`` itself inside a transaction that holds its write lock
(``workshop_kit.schema.upgrade``); a developer can also run ``alembic`` by hand
with ``-x url=...`` to write a new revision.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from workshop_kit.settings import Settings
from workshop_kit.store import metadata

config = context.config
shared = config.attributes.get("connection")

if shared is not None:
    context.configure(connection=shared, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or Settings.from_env().store_url
    with create_engine(url).connect() as connection:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
