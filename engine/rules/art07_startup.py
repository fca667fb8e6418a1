"""Article (七): one-off start-up subsidy for a registered poor worker's business that creates jobs.

> 有创业意愿和创业能力的建档立卡贫困劳动力自主或联合创办小微企业带动就业或从事个体经营带动就业的，连续正常经营1年以上，
> 一次性给予1万元创业补贴，所需资金从就业补助资金中列支。
"""

from __future__ import annotations

from engine.logic import Context, Fact, Param, is_true
from engine.messages import Message, msg
from engine.rules.base import Condition, Outcome, Rule
from engine.rules.common import REGISTERED_POOR, months_at_least
from i18n import N_

CLAUSE = (
    "有创业意愿和创业能力的建档立卡贫困劳动力自主或联合创办小微企业带动就业或从事个体经营带动就业的，连续正常经营1年以上，"
    "一次性给予1万元创业补贴，所需资金从就业补助资金中列支。"
)

MONTHS = months_at_least(
    "person.business.months", "art07.min_months",
    met=N_("Your business has run normally for {months} months ({required} or more needed)."),
    unmet=N_("Your business has run normally for {months} months; {required} or more are needed."),
)
EMPLOYS = Condition(
    is_true("person.business.employs_others"),
    met=N_("Your business employs other people."),
    unmet=N_("The business must create jobs: employ at least one person besides you."),
)


def _next(ctx: Context, outcome: Outcome) -> list[Message]:
    months = ctx.facts.get("person.business.months")
    amount = ctx.params["art07.amount"]
    if outcome.failed == (MONTHS,) and months is not None:
        return [msg(N_("After {months_more} more months of normal operation you can claim {amount}."),
                    months_more=ctx.params["art07.min_months"] - months, amount=amount)]
    if outcome.failed == (EMPLOYS,):
        return [msg(N_("Employ one more person and you can claim {amount}."), amount=amount)]
    return []


RULE = Rule(
    benefit="startup_subsidy",
    article=7,
    clause=CLAUSE,
    conditions=(
        REGISTERED_POOR,
        Condition(
            Fact("person.business.kind").isin(("micro_enterprise", "individual")),
            met=N_("You run a small or micro enterprise or are self-employed."),
            unmet=N_("Only a small or micro enterprise or self-employment that you set up counts."),
        ),
        EMPLOYS,
        MONTHS,
    ),
    amount=Param("art07.amount"),
    interpretations=("startup_employs_others", "yishang_inclusive"),
    next_step=_next,
    person_level=True,
)
RULES = (RULE,)
