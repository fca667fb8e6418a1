"""Article (十三): unemployment registration in town after 6 months there without work.

> 对于建档立卡贫困劳动力在城镇常住并处于无业状态6个月以上的，可在城镇常住地街道（社区）进行失业登记，享受各项就业创业
> 优惠政策。
"""

from __future__ import annotations

from engine.logic import Context
from engine.messages import Message, msg
from engine.rules.base import Outcome, Rule
from engine.rules.common import REGISTERED_POOR, months_at_least
from i18n import N_

CLAUSE = (
    "对于建档立卡贫困劳动力在城镇常住并处于无业状态6个月以上的，可在城镇常住地街道（社区）进行失业登记，享受各项就业创业"
    "优惠政策。"
)
IN_TOWN = months_at_least(
    "person.urban_months", "art13.min_months",
    met=N_("You have lived in town for {months} months ({required} or more needed)."),
    unmet=N_("You have lived in town for {months} months; {required} or more are needed."),
)
WITHOUT_WORK = months_at_least(
    "person.unemployed_months", "art13.min_months",
    met=N_("You have been without work for {months} months ({required} or more needed)."),
    unmet=N_("You have been without work for {months} months; {required} or more are needed."),
)


def _next(ctx: Context, outcome: Outcome) -> list[Message]:
    if not outcome.failed or not all(c is IN_TOWN or c is WITHOUT_WORK for c in outcome.failed):
        return []
    if ctx.facts.get("person.unemployed_months") == 0:
        return []  # in work now: registration is not a step to plan for
    required = ctx.params["art13.min_months"]
    short = [required - ctx.facts[c.test.facts().pop()] for c in outcome.failed]
    return [msg(N_("In {months_more} more months you can register as unemployed in town."),
                months_more=max(short))]


RULE = Rule(
    benefit="unemployment_registration",
    article=13,
    clause=CLAUSE,
    conditions=(REGISTERED_POOR, IN_TOWN, WITHOUT_WORK),
    interpretations=("unemployment_six_months", "yishang_inclusive"),
    next_step=_next,
    person_level=True,
)
RULES = (RULE,)
