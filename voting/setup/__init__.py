"""The guided set-up of a body: 本级人大 → 代表名册 → 职能部门 → 会议 → 年度项目计划."""

from voting.setup.steps import STEPS, SetupStep, steps_of

__all__ = ["STEPS", "SetupStep", "steps_of"]
