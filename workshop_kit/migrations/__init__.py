"""Alembic migrations of the store's schema (``Store`` runs them; see ``workshop_kit.schema``)."""
