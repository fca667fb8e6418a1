"""Article (一): one-off transport subsidy for registered poor workers in stable work away from home.

> 对外出务工稳定在1年以上并签订劳动合同、缴纳各项社会保险的建档立卡贫困劳动力，凭社会保险缴费凭证和
> 用工单位出具的工资证明，每人每年可享受一次性交通补贴。补贴标准为：区内跨县（市）就业的每人每年一次性
> 给予200元交通补贴；跨省（区）就业的每人每年一次性给予800元交通补贴，上述所需资金从就业补助资金中列支。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.logic import Context, Fact, Lookup, Param, is_true
from engine.remedies import Do, part
from engine.rules.base import (
    AFTER_THE_DAY,
    IN_THE_TOTAL,
    Condition,
    Rule,
    at_threshold,
    decides,
    fact_is,
    never_decides,
)
from engine.rules.common import REGISTERED_POOR, months_at_least, wait_months
from i18n import N_, Nn_

if TYPE_CHECKING:
    from engine.assess import Assessment

CLAUSE = (
    "对外出务工稳定在1年以上并签订劳动合同、缴纳各项社会保险的建档立卡贫困劳动力，凭社会保险缴费凭证和用工单位"
    "出具的工资证明，每人每年可享受一次性交通补贴。补贴标准为：区内跨县（市）就业的每人每年一次性给予200元交通"
    "补贴；跨省（区）就业的每人每年一次性给予800元交通补贴，上述所需资金从就业补助资金中列支。"
)
AMOUNT = Lookup(Fact("person.job.place"), Param("art01.amount_by_place"))


MONTHS = months_at_least(
    "person.job.months", "art01.min_months",
    met=Nn_("You have worked {months} month in this job ({required} or more needed).",
        "You have worked {months} months in this job ({required} or more needed)."),
    unmet=Nn_("You have worked {months} month in this job; {required} or more are needed.",
        "You have worked {months} months in this job; {required} or more are needed."),
    remedy=wait_months("person.job.months", "art01.min_months",
                       Nn_("{more} more month in this job", "{more} more months in this job")),
)
# A contract of any length counts here; the step names one of a year, which every article accepts.
SIGN_CONTRACT = Do({"person.job.contract": "1_year_or_more"}, part(N_("a signed labour contract")))
INSURANCE_PAID = Do({"person.job.social_insurance": True}, part(N_("social insurance paid by your employer")))
CONTRACT = Condition(
    Fact("person.job.contract").isin(("under_1_year", "1_year_or_more")),
    met=N_("You signed a labour contract."),
    unmet=N_("You need a signed labour contract."),
    remedy=SIGN_CONTRACT,
    readings=("transport_contract_any_length", "action_after_day_assessed"),
)
# Insurance is asked as paid now: months worked before it was paid count toward the year (a declared reading).
INSURED = Condition(
    is_true("person.job.social_insurance"),
    met=N_("Your employer pays your social insurance."),
    unmet=N_("Your social insurance must be paid (bring the payment vouchers)."),
    remedy=INSURANCE_PAID,
    readings=("action_after_day_assessed", "transport_insurance_paid_now"),
)


def _uninsured_months_counted(ctx: Context, now: Assessment) -> bool:
    """Months in the job without insurance paid, and a step that counts them toward the year."""
    return INSURED in now.failed and (ctx.facts.get("person.job.months") or 0) > 0


RULE = Rule(
    benefit="transport_subsidy",
    article=1,
    clause=CLAUSE,
    conditions=(
        REGISTERED_POOR,
        Condition(
            Fact("person.job.place").isin(("other_county_in_region", "other_province")),
            met=N_("Your job is outside your home county."),
            unmet=N_("Only work outside your home county (in another county of Ningxia or another "
                     "province) counts."),
        ),
        MONTHS,
        CONTRACT,
        INSURED,
    ),
    amount=AMOUNT,
    interpretations=("transport_contract_any_length", "yishang_inclusive", "post_or_work_away",
                     "action_after_day_assessed", "transport_insurance_paid_now"),
    decides=(
        # A contract under a year counts by the reading only (五 and 九 ask for a year or more).
        decides("transport_contract_any_length", fact_is("person.job.contract", "under_1_year"), CONTRACT),
        decides("yishang_inclusive", at_threshold(MONTHS), MONTHS),
        never_decides("post_or_work_away", IN_THE_TOTAL),
        never_decides("action_after_day_assessed", AFTER_THE_DAY),
        decides("transport_insurance_paid_now", _uninsured_months_counted),
    ),
    person_level=True,
)
RULES = (RULE,)
