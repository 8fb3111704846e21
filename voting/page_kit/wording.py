"""The formal Chinese a congress prints: the meeting's name, the voting method, shares as the law words them."""

from __future__ import annotations

from tally.models import BallotForm, Fraction, OvermarkRule, ThresholdBase, VoteRules

DIGITS = "零一二三四五六七八九"
MODES = {
    "electronic": "电子表决器无记名投票",
    "paper": "纸质选票无记名投票",
    "mixed": "电子表决器与纸质选票相结合的无记名投票",
}
CONGRESS = "人民代表大会"


def meeting_name(body_name: str, session_title: str) -> str:
    """The meeting as printed: "示范县第十八届人民代表大会第七次会议", never the body's name twice.

    A title starting with the place (or its last part: a township's own name) is the full name
    already; one naming the congress without the place ("第十九届人民代表大会第三次会议") gets the
    place; a bare one ("第七次会议") the body's name.
    """
    title = session_title.strip()
    place = body_name.removesuffix(CONGRESS).removesuffix("人大")
    # A township's body may carry its county's name ("示范县河口镇") while its title starts "河口镇…".
    if place and any(title.startswith(place[i:]) for i in range(len(place) - 1)):
        return title
    if CONGRESS in title:
        return f"{place}{title}"  # "第十九届人民代表大会第三次会议" lacks only the place
    return f"{body_name}{title}"


def chinese_number(n: int) -> str:
    """1–99 in Chinese numerals (十, 十二, 二十三); other numbers as digits."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else DIGITS[tens] + "十")
    return head + (DIGITS[ones] if ones else "")


def share_words(share: Fraction) -> str:
    """过半数, 三分之二以上, 超过五分之三 — as the law words a share."""
    if (share.numerator, share.denominator, share.inclusive) == (1, 2, False):
        return "过半数"
    words = f"{chinese_number(share.denominator)}分之{chinese_number(share.numerator)}"
    return f"{words}以上" if share.inclusive else f"超过{words}"


def base_words(rules: VoteRules) -> str:
    """全体代表 or 出席代表: whose number the threshold is a share of."""
    return "全体代表" if rules.threshold_base == ThresholdBase.ALL else "出席代表"


def method_sentences(rules: VoteRules, mode: str, candidates: int) -> str:
    """The voting method (票决办法) as the announcement states it."""
    if rules.form == BallotForm.PER_CANDIDATE:
        marking = f"候选项目{candidates}项，应选{rules.seats}项，对每个候选项目分别表示赞成、反对或者弃权"
    else:
        void = "多选的选票作废" if rules.overmark == OvermarkRule.BALLOT else "多选部分作废"
        marking = f"候选项目{candidates}项，应选{rules.seats}项，每张选票所选项目不得多于{rules.seats}项，{void}"
    return (
        f"本次票决采用{MODES.get(mode, mode)}方式。{marking}。"
        f"候选项目获得{base_words(rules)}{share_words(rules.threshold)}赞成票的，按得票多少依次确定入选项目；"
        "末位得票相同的，就剩余名额再次投票"
    )


def rules_line(rules: VoteRules) -> str:
    """One short line for screens: "应选10项，每票至多选10项；须获全体代表过半数赞成票"."""
    if rules.form == BallotForm.PER_CANDIDATE:
        marking = f"应选{rules.seats}项，逐项表决"
    else:
        marking = f"应选{rules.seats}项，每票至多选{rules.seats}项"
    return f"{marking}；须获{base_words(rules)}{share_words(rules.threshold)}赞成票"
