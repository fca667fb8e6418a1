"""Article (四): labour brokers — a fee per placement, and social insurance for "4050" brokers.

> 对劳务中介组织、劳务经纪人等组织建档立卡贫困劳动力到企业初次就业1年以上并签订劳动合同、缴纳社会保险的，给予
> 劳务中介组织或经纪人200元/人就业创业服务补贴；对自愿参加城镇职工社会保险的劳务经纪人中的“4050”人员，纳入城镇
> 灵活就业人员社会保险补贴范围；……上述所需资金从就业补助资金中列支。
"""

from __future__ import annotations

from engine.age import IS_4050_TEST
from engine.logic import Context, Fact, Param, is_true
from engine.remedies import Do, Plan, Upgrade, part
from engine.rules.base import Condition, MissingFigure, Rule
from engine.rules.common import count_at_least
from i18n import N_, Nn_

FEE_CLAUSE = (
    "对劳务中介组织、劳务经纪人等组织建档立卡贫困劳动力到企业初次就业1年以上并签订劳动合同、缴纳社会保险的，给予劳务"
    "中介组织或经纪人200元/人就业创业服务补贴"
)
INSURANCE_CLAUSE = "对自愿参加城镇职工社会保险的劳务经纪人中的“4050”人员，纳入城镇灵活就业人员社会保险补贴范围"
PLACEMENTS = Fact("broker.qualifying_placements")

SOME_PLACEMENTS = count_at_least(
    "broker.qualifying_placements", "art04.min_placements",
    met=Nn_("{count} registered poor worker placed into a first job of a year or more.",
        "{count} registered poor workers placed into a first job of a year or more."),
    unmet=N_("No placement counts yet: a placed registered poor worker must have worked a year or "
             "more with a contract and social insurance."),
    # A new placement counts once the worker has worked 12 months (art04.min_months).
    more=Nn_("{more} more qualifying placement", "{more} more qualifying placements"),
    wait_param="art04.min_months",
)


def _one_more(ctx: Context) -> list[Plan]:
    """Each further qualifying placement adds the fee; a new one counts after 12 months of work."""
    count = ctx.facts.get("broker.qualifying_placements")
    return [] if count is None else [SOME_PLACEMENTS.remedy.to(ctx, count + 1)]


FEE = Rule(
    benefit="broker_fee",
    article=4,
    clause=FEE_CLAUSE,
    conditions=(SOME_PLACEMENTS,),
    amount=PLACEMENTS * Param("art04.fee_per_placement"),
    interpretations=("yishang_inclusive",),
    upgrades=(Upgrade(_one_more),),
)

INSURANCE = Rule(
    benefit="broker_4050_insurance",
    article=4,
    clause=INSURANCE_CLAUSE,
    conditions=(
        Condition(
            IS_4050_TEST,  # from the sex and the birth date when they tell, in full years (engine.age)
            met=N_("You are a “4050” person (a woman aged 40 or more, or a man aged 50 or more)."),
            unmet=N_("Only “4050” brokers (women aged 40 or more, men aged 50 or more) are covered."),
        ),
        Condition(
            is_true("broker.joined_employee_insurance"),
            met=N_("You joined urban employee social insurance voluntarily."),
            unmet=N_("You must join urban employee social insurance voluntarily first."),
            remedy=Do({"broker.joined_employee_insurance": True},
                      part(N_("joining urban employee social insurance voluntarily"))),
        ),
    ),
    amount=Param("art04.flexible_insurance_subsidy"),
    missing_figures=(
        MissingFigure(
            "flexible_insurance_subsidy",
            N_("The flexible-employment social-insurance subsidy standard"),
            N_("Set by the region and published by the county human resources and social security "
               "bureau (人力资源和社会保障局); ask there or call 12333."),
        ),
    ),
)
RULES = (FEE, INSURANCE)
