"""The numbered SQL migrations (NNN_name.sql), applied in order by voting.database.migrate."""

__all__: list[str] = []
