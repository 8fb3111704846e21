"""A request the decoder refused, said in words: which field, what is wrong with it, how to put it right.

Litestar reports msgspec's refusals as a list of {"message", "key", "source"}; a clerk or a liaison
must read "「费用（万元）」须为数字，如 120 或 120.5" rather than "Invalid decimal string at $.cost_wan".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["describe_invalid"]

# The fields people fill in, by their wire name; a field not listed is named by its wire name.
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "title": ("标题", "title"),
    "name": ("姓名/名称", "name"),
    "reason": ("理由", "reason"),
    "category": ("类别", "category"),
    "description": ("具体内容", "description"),
    "summary": ("简介", "summary"),
    "place": ("地点", "place"),
    "phone": ("联系电话", "phone"),
    "contact_phone": ("联系电话", "contact phone"),
    "contact_name": ("联系人", "contact name"),
    "note": ("说明", "note"),
    "seat": ("座位号", "seat"),
    "delegation": ("代表团/组", "delegation"),
    "username": ("用户名", "username"),
    "password": ("密码", "password"),
    "display_name": ("显示名称", "display name"),
    "cost_wan": ("费用（万元）", "cost (10,000 yuan)"),
    "budget_wan": ("预算（万元）", "budget (10,000 yuan)"),
    "new_budget_wan": ("新预算（万元）", "new budget (10,000 yuan)"),
    "spent_wan": ("已用资金（万元）", "spent (10,000 yuan)"),
    "funding": ("资金来源", "funding source"),
    "responsible_unit": ("实施主体", "responsible unit"),
    "completion_date": ("完成时间", "completion date"),
    "due_on": ("期限", "due date"),
    "target_date": ("目标日期", "target date"),
    "new_target_date": ("新的目标日期", "new target date"),
    "starts_on": ("开始日期", "start date"),
    "visited_on": ("走访日期", "visit date"),
    "inspected_on": ("视察日期", "inspection date"),
    "percent": ("完成进度（%）", "progress (%)"),
    "seats": ("应选名额", "seats"),
    "count": ("张数", "count"),
    "year": ("年度", "year"),
    "raised_by": ("提出人数", "people raising it"),
    "rectify_days": ("整改期限（天）", "rectification days"),
    "narrative": ("进展情况", "progress narrative"),
    "findings": ("发现的问题", "findings"),
    "receipt": ("回执码", "receipt"),
    "code": ("登录码/查询码", "code"),
    "phase": ("阶段", "phase"),
    "status": ("状态", "status"),
    "role": ("角色", "role"),
    "mode": ("投票方式", "voting mode"),
    "level": ("满意程度", "level"),
    "confirm": ("确认", "confirmation"),
}

LENGTH = re.compile(r"Expected `(str|array|object)` of length (>=|<=) (\d+)")
BOUND = re.compile(r"Expected `(int|float|decimal)` (>=|<=|>|<) (-?[\d.]+)")
MISSING = re.compile(r"Object missing required field `([^`]+)`")
UNKNOWN = re.compile(r"Object contains unknown field `([^`]+)`")
EXPECTED = re.compile(r"Expected `([^`]+)`, got `([^`]+)`")

KIND_WORDS = {
    "int": ("须为整数，如 12", "must be a whole number, such as 12"),
    "float": ("须为数字，如 120 或 120.5", "must be a number, such as 120 or 120.5"),
    "decimal": ("须为数字，如 120 或 120.5（不要填“约”、单位或其他文字）", "must be a number such as 120 or 120.5"),
    "str": ("须为文字", "must be text"),
    "bool": ("须为“是”或“否”", "must be yes or no (true/false)"),
    "array": ("须为列表", "must be a list"),
    "object": ("格式不正确", "is malformed"),
    "date": ("须为日期，如 2027-03-31", "must be a date such as 2027-03-31"),
    "datetime": ("须为日期和时间", "must be a date and time"),
}


def field_label(key: str) -> tuple[str, str]:
    """A field's name for people: the last part of its path (rules.seats → 应选名额), with its place in a list."""
    path = key.removeprefix("data").strip(".")
    last = re.sub(r"\[\d+\]$", "", path.rsplit(".", 1)[-1])
    zh, en = FIELD_NAMES.get(last, (last or "请求内容", last or "request body"))
    where = re.search(r"\[(\d+)\]", path)
    if where:
        number = int(where.group(1)) + 1
        return f"第{number}项的{zh}", f"{en} of item {number}"
    return zh, en


def problem_words(message: str) -> tuple[str, str, str | None]:
    """What is wrong, in Chinese and English; and the field the message itself names (missing/unknown)."""
    if found := MISSING.search(message):
        return "必须填写", "is required", found.group(1)
    if found := UNKNOWN.search(message):
        return "不是此请求可接受的字段，请删去", "is not a field of this request; leave it out", found.group(1)
    if found := LENGTH.search(message):
        kind, op, n = found.groups()
        unit_zh = "字" if kind == "str" else "项"
        if op == ">=" and n == "1":
            return "不能为空", "must not be empty", None
        if op == ">=":
            return f"至少{n}{unit_zh}", f"needs at least {n}", None
        return f"不能超过{n}{unit_zh}", f"may have at most {n}", None
    if found := BOUND.search(message):
        _, op, n = found.groups()
        zh = {">=": f"不能小于{n}", "<=": f"不能大于{n}", ">": f"须大于{n}", "<": f"须小于{n}"}[op]
        return zh, f"must be {op} {n}", None
    if "Invalid decimal" in message or "Expected `decimal`" in message:
        return *KIND_WORDS["decimal"], None
    if "Invalid enum value" in message:
        return "不是可选的值之一，请从列表中选择", "is not one of the allowed values; choose from the list", None
    if "RFC3339" in message and "date" in message:
        return *KIND_WORDS["date"], None
    if "does not match" in message or "matching regex" in message:
        return "格式不正确", "is malformed", None
    if found := EXPECTED.search(message):
        kind = found.group(1).split(" ")[0].split("|")[0]
        return *KIND_WORDS.get(kind, ("格式不正确", "is malformed")), None
    return "格式不正确", "is malformed", None


def describe_invalid(problems: Sequence[Any] | None) -> tuple[str, str, dict[str, Any]]:
    """The refusal's message in Chinese and English, and its detail (fields and what is wrong with each)."""
    said_zh, said_en, fields = [], [], []
    for problem in problems or []:
        if not isinstance(problem, dict):
            continue
        message = str(problem.get("message", ""))
        zh, en, named = problem_words(message)
        key = str(problem.get("key") or "")
        if named:
            key = f"{key.removeprefix('data').strip('.')}.{named}".strip(".")
        label_zh, label_en = field_label(key)
        said_zh.append(f"「{label_zh}」{zh}")
        said_en.append(f"{label_en[:1].upper()}{label_en[1:]} {en}")
        # The decoder's own words may quote what was sent (a ballot's marks): only ours go back.
        fields.append({"field": key.removeprefix("data").strip(".") or None, "problem": en})
    if not fields:
        return "请求格式不正确，请检查填写的内容", "The request is malformed; check what was filled in", {}
    return (
        "；".join(said_zh) + "。请修改后再提交",
        "; ".join(said_en) + ". Correct it and send again",
        {"fields": fields},
    )
