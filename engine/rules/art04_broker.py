"""Article (四): labour brokers — a service subsidy per placement, and social insurance for "4050" brokers.

> 对劳务中介组织、劳务经纪人等组织建档立卡贫困劳动力到企业初次就业1年以上并签订劳动合同、缴纳社会保险的，给予
> 劳务中介组织或经纪人200元/人就业创业服务补贴；对自愿参加城镇职工社会保险的劳务经纪人中的“4050”人员，纳入城镇
> 灵活就业人员社会保险补贴范围；……上述所需资金从就业补助资金中列支。

The service subsidy counts the placements the broker gives (``broker.qualifying_placements``): each a registered
poor worker's first job with an enterprise, of 12 months or more, with a contract and social insurance (reading
``broker_placement_counts``; a list of placed workers is checked row by row in :mod:`engine.rules.placements`). The
social insurance is for a labour broker who is a person (``broker.kind``: an agency has no age) and a “4050” person.
"""

from __future__ import annotations

from engine.age import IS_4050 as IS_4050_ANSWER
from engine.age import IS_4050_TEST, NO_DAY_ASKED, stated_when_the_day_decides
from engine.logic import Context, Fact, Param, is_true
from engine.remedies import Do, Plan, Upgrade, part
from engine.rules.base import (
    AFTER_THE_DAY,
    IN_THE_COUNT,
    Condition,
    MissingFigure,
    Rule,
    decides,
    due,
    failed,
    never_decides,
    settled,
)
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
    readings=("action_after_day_assessed",),
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
    # The first job (初次就业), the enterprise and the 12 months (以上 includes them) are each placement's: the count
    # holds them, and the list of placed workers checks them row by row (engine.rules.placements).
    interpretations=("broker_placement_counts", "yishang_inclusive", "action_after_day_assessed"),
    decides=(never_decides("broker_placement_counts", IN_THE_COUNT), never_decides("yishang_inclusive", IN_THE_COUNT),
             never_decides("action_after_day_assessed", AFTER_THE_DAY)),
    upgrades=(Upgrade(_one_more, instead=False),),  # a fee for each placement: more, not instead
)

# The insurance is for labour brokers (劳务经纪人) of a given age: persons; a labour agency has no age.
A_BROKER = Condition(
    Fact("broker.kind").equals("person"),
    met=N_("You are a labour broker (劳务经纪人) yourself."),
    unmet=N_("You apply as a labour agency (劳务中介组织); the subsidy is for the “4050” people among labour brokers "
             "(劳务经纪人中的“4050”人员)."),
    readings=("broker_4050_is_a_broker",),
)
IS_4050 = Condition(
    IS_4050_TEST,  # from the sex and the birth date when they tell, in full years (engine.age)
    met=N_("You are a “4050” person (a woman aged 40 or more, or a man aged 50 or more)."),
    unmet=N_("Only “4050” brokers (women aged 40 or more, men aged 50 or more) are covered."),
    readings=("broker_4050_ages", "age_stated_when_the_day_decides", "birthday_on_the_months_last_day"),
)

INSURANCE = Rule(
    benefit="broker_4050_insurance",
    article=4,
    clause=INSURANCE_CLAUSE,
    conditions=(
        A_BROKER,
        IS_4050,
        Condition(
            is_true("broker.joined_employee_insurance"),
            met=N_("You joined urban employee social insurance voluntarily."),
            unmet=N_("You must join urban employee social insurance voluntarily first."),
            remedy=Do({"broker.joined_employee_insurance": True},
                      part(N_("joining urban employee social insurance voluntarily"))),
            readings=("action_after_day_assessed",),
        ),
    ),
    amount=Param("art04.flexible_insurance_subsidy"),
    interpretations=("broker_4050_is_a_broker", "broker_4050_ages", "broker_4050_flexible_subsidy",
                     "action_after_day_assessed", "age_stated_when_the_day_decides", "birthday_on_the_months_last_day"),
    decides=(
        decides("broker_4050_is_a_broker", failed(A_BROKER), A_BROKER),
        decides("broker_4050_ages", settled(IS_4050), IS_4050),
        decides("broker_4050_flexible_subsidy", due),
        never_decides("action_after_day_assessed", AFTER_THE_DAY),
        decides("age_stated_when_the_day_decides", stated_when_the_day_decides(IS_4050_TEST, IS_4050_ANSWER), IS_4050),
        never_decides("birthday_on_the_months_last_day", NO_DAY_ASKED),
    ),
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
