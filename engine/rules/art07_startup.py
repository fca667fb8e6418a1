"""Article (七): one-off start-up subsidy for a registered poor worker's business that creates jobs.

> 有创业意愿和创业能力的建档立卡贫困劳动力自主或联合创办小微企业带动就业或从事个体经营带动就业的，连续正常经营1年以上，
> 一次性给予1万元创业补贴，所需资金从就业补助资金中列支。
"""

from __future__ import annotations

from engine.logic import Fact, Param, is_true
from engine.remedies import Do, part
from engine.rules.base import AFTER_THE_DAY, Condition, Rule, at_threshold, decides, never_decides, settled
from engine.rules.common import REGISTERED_POOR, months_at_least, wait_months
from i18n import N_, Nn_

CLAUSE = (
    "有创业意愿和创业能力的建档立卡贫困劳动力自主或联合创办小微企业带动就业或从事个体经营带动就业的，连续正常经营1年以上，"
    "一次性给予1万元创业补贴，所需资金从就业补助资金中列支。"
)

MONTHS = months_at_least(
    "person.business.months", "art07.min_months",
    met=Nn_("Your business has run normally for {months} month ({required} or more needed).",
        "Your business has run normally for {months} months ({required} or more needed)."),
    unmet=Nn_("Your business has run normally for {months} month; {required} or more are needed.",
        "Your business has run normally for {months} months; {required} or more are needed."),
    remedy=wait_months("person.business.months", "art07.min_months",
                       Nn_("{more} more month of normal operation", "{more} more months of normal operation")),
)
EMPLOYS = Condition(
    is_true("person.business.employs_others"),
    met=N_("Your business employs other people."),
    unmet=N_("The business must create jobs: employ at least one person besides you."),
    remedy=Do({"person.business.employs_others": True}, part(N_("employing at least one person besides you"))),
    readings=("startup_employs_others", "action_after_day_assessed"),
)


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
    interpretations=("startup_employs_others", "yishang_inclusive", "action_after_day_assessed"),
    decides=(
        decides("startup_employs_others", settled(EMPLOYS), EMPLOYS),
        decides("yishang_inclusive", at_threshold(MONTHS), MONTHS),
        never_decides("action_after_day_assessed", AFTER_THE_DAY),
    ),
    person_level=True,
)
RULES = (RULE,)
