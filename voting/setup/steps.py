"""The five steps of setting up a body, in words a township clerk reads at a glance (pure: no I/O)."""

from __future__ import annotations

from collections.abc import Mapping

import msgspec


class SetupStep(msgspec.Struct):
    """One step of the guide: what it is, why, where it is done, and whether it looks done."""

    number: int
    key: str
    zh: str
    en: str
    explain_zh: str
    explain_en: str
    path: str  # "{body}" is the body's id
    done: bool = False
    url: str = ""


STEPS = [
    SetupStep(
        1,
        "body",
        "本级人大",
        "Your congress",
        "登记本级人大的名称、级别和第几届。县（区）人大的管理员还在这里建立下属乡镇（街道）的人大。",
        "Enter your congress's name, level and term (届). A county administrator also creates its townships here.",
        "/console/bodies",
    ),
    SetupStep(
        2,
        "roster",
        "代表名册",
        "Deputies",
        "把本级人大代表的名单录入系统：可以一位一位添加，也可以用表格文件一次导入。",
        "Enter the deputies: one by one, or all at once from a spreadsheet file.",
        "/console/bodies/{body}/roster",
    ),
    SetupStep(
        3,
        "departments",
        "职能部门",
        "Departments",
        "登记负责论证和实施项目的政府部门（如住建局、卫健局），并给每个部门开一个联络员账号。",
        "Enter the government departments that vet and carry out projects, each with a liaison login.",
        "/console/bodies/{body}/departments",
    ),
    SetupStep(
        4,
        "sessions",
        "会议",
        "Sessions",
        "建立人代会的会议：名称、地点、日期、第几次会议。代表在会议上投票表决。",
        "Create the congress's sessions: title, venue, date, which meeting of the term. Deputies vote there.",
        "/console/bodies/{body}/sessions",
    ),
    SetupStep(
        5,
        "program",
        "年度项目计划",
        "Yearly program",
        "建立今年的民生实事项目计划，开始征集群众的意见建议。",
        "Create this year's livelihood-projects program and start collecting suggestions.",
        "/console/programs",
    ),
]


def steps_of(body_id: int | None, progress: Mapping[str, int]) -> list[SetupStep]:
    """The steps for a body (None: not yet created), each with its link and whether it looks done."""
    counts = {
        "body": 1 if body_id is not None else 0,
        "roster": progress.get("deputies", 0),
        "departments": progress.get("departments", 0),
        "sessions": progress.get("sessions", 0),
        "program": progress.get("programs", 0),
    }
    return [
        msgspec.structs.replace(
            step,
            done=counts[step.key] > 0,
            # Until the body exists every step leads to creating it.
            url="/console/bodies" if body_id is None else step.path.replace("{body}", str(body_id)),
        )
        for step in STEPS
    ]
