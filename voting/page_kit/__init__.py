"""The page kit every page module imports: who is looking, rendering, refusals as HTML pages, QR codes.

Feature pages (`voting/<package>/pages.py`) import it from here; it imports no feature package.
`wording` (the formal Chinese printed on the ballot and the announcement) is imported by module.
"""

from voting.page_kit.access import (
    CLERKS,
    COUNTERS,
    PRESIDIUM,
    can_manage_roster,
    liaison_page_user,
    may_act,
    staff_of,
    staff_page_user,
    to_login,
    within_reach,
)
from voting.page_kit.errors import PAGE_ERROR_HANDLERS, PageRefused
from voting.page_kit.qr import qr_svg
from voting.page_kit.render import error_page, forbidden_page, page, refusal_page

__all__ = [
    "CLERKS",
    "COUNTERS",
    "PAGE_ERROR_HANDLERS",
    "PRESIDIUM",
    "PageRefused",
    "can_manage_roster",
    "error_page",
    "forbidden_page",
    "liaison_page_user",
    "may_act",
    "page",
    "qr_svg",
    "refusal_page",
    "staff_of",
    "staff_page_user",
    "to_login",
    "within_reach",
]
