"""Why a ballot was not taken, in Chinese and English."""

from __future__ import annotations

from typing import Any


class CastRefused(Exception):
    """A ballot the service will not accept; status is the HTTP code."""

    def __init__(self, status: int, code: str, zh: str, en: str, **detail: Any) -> None:
        super().__init__(f"{code}: {en}")
        self.status = status
        self.code = code
        self.zh = zh
        self.en = en
        self.detail = detail


def vote_not_open() -> CastRefused:
    """The vote is not taking ballots (not yet opened, or closed meanwhile)."""
    return CastRefused(
        409, "vote_not_open", "表决未在进行中，选票未被接收", "The vote is not open; the ballot was not taken"
    )


def already_voted(on_paper: bool = False) -> CastRefused:
    """This deputy's ballot is already in (a different submission), or they took a paper ballot."""
    if on_paper:
        return CastRefused(
            409,
            "already_voted",
            "您已领取纸质选票，不能再用平板投票",
            "You took a paper ballot in this vote; the tablet cannot vote too",
        )
    return CastRefused(409, "already_voted", "您已投票，不能再次投票", "You have already voted in this vote")


def not_checked_in() -> CastRefused:
    """Only deputies checked in to the session may vote."""
    return CastRefused(403, "not_checked_in", "您尚未签到，不能投票", "You are not checked in to this session")


def tablet_revoked() -> CastRefused:
    """The tablet login was revoked or has expired (the one wording: casting, the tablet's view, rating sheets)."""
    return CastRefused(
        401,
        "tablet_revoked",
        "此平板的登录已失效（已被撤销或已过期），请联系工作人员",
        "This tablet's login is no longer valid (revoked or expired); ask the staff",
    )


def ballot_copied() -> CastRefused:
    """Another deputy already cast these very sealed bytes: a copied ballot is never counted twice."""
    return CastRefused(
        409,
        "ballot_copied",
        "这张加密选票已由另一台平板提交，不能重复计入；请重新填写选票",
        "These sealed ballot bytes were already cast from another tablet; fill in a new ballot",
    )


def store_failed() -> CastRefused:
    """The batch's transaction failed and rolled back; nothing of this ballot was stored."""
    return CastRefused(503, "store_failed", "选票未能保存，请重新提交", "The ballot could not be stored; please resend")


def server_stopping() -> CastRefused:
    """The server is shutting down; the tablet resends to the restarted one."""
    return CastRefused(503, "server_stopping", "服务器正在重启，请重新提交", "The server is restarting; please resend")
