"""Article (四): labour brokers — a fee per placement, and social insurance for "4050" brokers.

> 对劳务中介组织、劳务经纪人等组织建档立卡贫困劳动力到企业初次就业1年以上并签订劳动合同、缴纳社会保险的，给予
> 劳务中介组织或经纪人200元/人就业创业服务补贴；对自愿参加城镇职工社会保险的劳务经纪人中的“4050”人员，纳入城镇
> 灵活就业人员社会保险补贴范围；……上述所需资金从就业补助资金中列支。
"""

from __future__ import annotations

from engine.logic import Context, Fact, Param, is_true
from engine.messages import Message, msg
from engine.rules.base import Condition, MissingFigure, Outcome, Rule
from engine.rules.common import count_at_least
from i18n import N_

FEE_CLAUSE = (
    "对劳务中介组织、劳务经纪人等组织建档立卡贫困劳动力到企业初次就业1年以上并签订劳动合同、缴纳社会保险的，给予劳务"
    "中介组织或经纪人200元/人就业创业服务补贴"
)
INSURANCE_CLAUSE = "对自愿参加城镇职工社会保险的劳务经纪人中的“4050”人员，纳入城镇灵活就业人员社会保险补贴范围"
PLACEMENTS = Fact("broker.qualifying_placements")

SOME_PLACEMENTS = count_at_least(
    "broker.qualifying_placements", "art04.min_placements",
    met=N_("{count} registered poor workers placed into a first job of a year or more."),
    unmet=N_("No placement counts yet: a placed registered poor worker must have worked a year or "
             "more with a contract and social insurance."),
)


def _next(ctx: Context, outcome: Outcome) -> list[Message]:
    if outcome.status != "eligible" and outcome.failed != (SOME_PLACEMENTS,):
        return []
    return [msg(N_("Each further qualifying placement adds {amount}."),
                amount=ctx.params["art04.fee_per_placement"])]


FEE = Rule(
    benefit="broker_fee",
    article=4,
    clause=FEE_CLAUSE,
    conditions=(SOME_PLACEMENTS,),
    amount=PLACEMENTS * Param("art04.fee_per_placement"),
    interpretations=("yishang_inclusive",),
    next_step=_next,
)

INSURANCE = Rule(
    benefit="broker_4050_insurance",
    article=4,
    clause=INSURANCE_CLAUSE,
    conditions=(
        Condition(
            is_true("broker.is_4050"),
            met=N_("You are a “4050” person (a woman aged 40 or more, or a man aged 50 or more)."),
            unmet=N_("Only “4050” brokers (women aged 40 or more, men aged 50 or more) are covered."),
        ),
        Condition(
            is_true("broker.joined_employee_insurance"),
            met=N_("You joined urban employee social insurance voluntarily."),
            unmet=N_("You must join urban employee social insurance voluntarily first."),
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
