"""A body's deputies (代表名册): add, edit, end, delete a mistaken entry, import from Excel or CSV."""

from voting.roster.models import Deputy, DeputyCreate
from voting.roster.service import add_deputies, count_members, list_deputies, require_body

__all__ = ["Deputy", "DeputyCreate", "add_deputies", "count_members", "list_deputies", "require_body"]
