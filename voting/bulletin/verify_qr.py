"""The QR code a deputy's tablet shows beside the receipt: it opens the vote's verification page on a phone."""

from __future__ import annotations

from litestar import Response, get
from litestar.datastructures import State
from litestar.params import FromPath

from voting.page_kit.qr import qr_svg


def verify_url(base_url: str, vote_id: int) -> str:
    """Where anyone checks the vote and a receipt (printed in the QR code)."""
    return f"{base_url}/public/votes/{vote_id}/verify"


@get("/public/votes/{vote_id:int}/verify/qr.svg", include_in_schema=False)
async def verify_qr(state: State, vote_id: FromPath[int]) -> Response[str]:
    """The verification page's address as a QR code (no database: the address is the same for every vote id)."""
    svg = qr_svg(verify_url(state.settings.public_base_url, vote_id))
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=3600"})


ROUTES = [verify_qr]
