"""Staff logins: signing in and out, a body's accounts, and the first administrator."""

from voting.staff.accounts import list_accounts, new_password
from voting.staff.first_admin import create_first_admin, first_admin_notice
from voting.staff.service import body_of_login, ensure_staff, log_in, log_out

__all__ = [
    "body_of_login",
    "create_first_admin",
    "ensure_staff",
    "first_admin_notice",
    "list_accounts",
    "log_in",
    "log_out",
    "new_password",
]
