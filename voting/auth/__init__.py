"""Staff passwords, JWTs for staff and tablets, and route guards."""

from voting.auth.guards import (
    COOKIE,
    allow,
    clerks,
    deputies,
    liaisons,
    presiding,
    provide_principal,
    staff_only,
)
from voting.auth.passwords import hash_password, password_matches
from voting.auth.roles import ROLE_WORDS
from voting.auth.tokens import LOGIN_ROLES, STAFF_ROLES, Principal, Role, issue_token, read_token

__all__ = [
    "COOKIE",
    "LOGIN_ROLES",
    "ROLE_WORDS",
    "STAFF_ROLES",
    "Principal",
    "Role",
    "allow",
    "clerks",
    "deputies",
    "hash_password",
    "issue_token",
    "liaisons",
    "password_matches",
    "presiding",
    "provide_principal",
    "read_token",
    "staff_only",
]
