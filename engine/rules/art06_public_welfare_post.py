"""Article (六): public-welfare posts for registered poor workers aged 40 or more, or disabled and able to work.

> 托底安排年满40周岁以上有就业愿望和就业能力的建档立卡贫困劳动力，重点安排脱贫能力弱、有一定劳动能力的残疾人等特殊
> 困难群体就业，其中，对于有一定劳动能力的残疾建档立卡贫困劳动力年龄可适当放宽。……建档立卡贫困劳动力公益性岗位人员
> 生活补贴以所在地级市上年度农村常住居民人均可支配收入为基数按月发放，按照我区城乡居民养老和医疗保险二档缴费标准为其
> 统一缴费参保（已享受政府全额缴费补资助的不再补助，享受部分缴费补资助的予以补差，自行要求参加二档以上的按二档缴费标准
> 补助个人），并为其购买不高于50万元额度的全区统一标准的商业意外伤害保险，上述所需资金从就业补助资金中列支。

The age relaxed for a disabled person stops at the legal working age, 16 (中华人民共和国劳动法 第十五条); the article names
no upper age and none is applied (the county decides whether a post suits an older worker). The amount is the
living subsidy for a year, with ``monthly`` (÷ 12) beside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from engine.age import NO_DAY_ASKED, PERSON, AgeAtLeast, AgeWords, TurnAge, stated_when_the_day_decides
from engine.logic import Context, Expr, Fact, Or, Param, is_true, map_distinct
from engine.messages import msg
from engine.remedies import Assume, part
from engine.rules.base import (
    IN_THE_TOTAL,
    Condition,
    MissingFigure,
    Rule,
    decides,
    due,
    failed,
    never_decides,
)
from engine.rules.common import REGISTERED_POOR
from i18n import N_

if TYPE_CHECKING:
    import pandas as pd

    from engine.assess import Assessment

CLAUSE = (
    "托底安排年满40周岁以上有就业愿望和就业能力的建档立卡贫困劳动力，重点安排脱贫能力弱、有一定劳动能力的残疾人等特殊"
    "困难群体就业，其中，对于有一定劳动能力的残疾建档立卡贫困劳动力年龄可适当放宽。……建档立卡贫困劳动力公益性岗位人员"
    "生活补贴以所在地级市上年度农村常住居民人均可支配收入为基数按月发放，按照我区城乡居民养老和医疗保险二档缴费标准为其"
    "统一缴费参保（已享受政府全额缴费补资助的不再补助，享受部分缴费补资助的予以补差，自行要求参加二档以上的按二档缴费标准"
    "补助个人），并为其购买不高于50万元额度的全区统一标准的商业意外伤害保险，上述所需资金从就业补助资金中列支。"
)

OVERRIDE = "person.city_rural_income_last_year"


class CityRuralIncome(Expr):
    """The city's rural per-capita disposable income of the year before the assessment date.

    A figure typed by the visitor (``person.city_rural_income_last_year``) wins; otherwise the
    parameter table by city and year, which holds no figure yet (none was found).
    """

    def one(self, ctx: Context) -> Any:
        typed = ctx.facts.get(OVERRIDE)
        if typed is not None:
            return typed
        table = ctx.params["art06.city_rural_income"]
        city = ctx.facts.get("person.city")
        return (table.get(city) or {}).get(ctx.params["date"].year - 1)

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        import pandas as pd  # noqa: PLC0415 - rosters only (issue 15)

        typed = Fact(OVERRIDE).many(frame, params)
        table = params["art06.city_rural_income"]
        year = params["date"].year - 1
        cities = Fact("person.city").many(frame, params)
        looked_up = map_distinct(cities, lambda c: (table.get(c) or {}).get(year, pd.NA))
        return typed.where(typed.notna(), looked_up)

    def facts(self) -> set[str]:
        return {OVERRIDE, "person.city"}


# Ages in full years on the day assessed, settled from the birth date whenever every birthday it allows agrees
# (engine.age): someone whose year of birth makes them 61 or 62 that day is old enough either way.
AGE_OR_DISABLED = Condition(
    Or((AgeAtLeast(Param("art06.min_age")), is_true("person.disabled"))),
    met=N_("You are aged {required} or more, or disabled and able to work (the age is relaxed)."),
    unmet=N_("Public-welfare posts are for people aged {required} or more (on the day assessed you were {age}), or disabled "
             "people able to work."),
    params={"age": AgeWords(), "required": Param("art06.min_age")},
    # An age in whole years (周岁): someone of 39 turns 40 within 12 months, perhaps tomorrow. While a disability is
    # not known, it is asked first: for a disabled person the age is relaxed and there is nothing to wait for.
    remedy=TurnAge("art06.min_age", part(N_("turning {required}")),
                   guard=lambda facts: None if facts.get("person.disabled") is None else True,
                   guard_facts=("person.disabled",)),
    readings=("yishang_inclusive", "public_welfare_disabled_age", "public_welfare_no_upper_age",
              "age_stated_when_the_day_decides", "birthday_on_the_months_last_day"),
)
# Whoever the article's age lets in, no one under the legal working age is placed (劳动法 第十五条): a disabled
# person's age is therefore asked too.
WORKING_AGE = Condition(
    AgeAtLeast(Param("art06.min_working_age")),
    met=N_("You are of working age ({required} or more)."),
    unmet=N_("No one under {required} may be employed (Labour Law of the PRC, article 15); on the day assessed you were {age}."),
    params={"age": AgeWords(), "required": Param("art06.min_working_age")},
    remedy=TurnAge("art06.min_working_age", part(N_("turning {required}"))),
    readings=("public_welfare_min_working_age", "age_stated_when_the_day_decides", "birthday_on_the_months_last_day"),
)


# When a reading decides the result (Rule.decides): each reading of the age settles the age condition for some ages.


def _least_age(ctx: Context) -> int | None:
    """The least age in full years the person can have on the day assessed, as the birth date (or a stated age)
    allows (engine.age)."""
    ages = PERSON.ages(ctx.facts, ctx.params["date"])
    return None if ages is None else ages[0]


def _exactly_the_age(ctx: Context, now: Assessment) -> bool:
    """Aged exactly 40 (年满40周岁以上 includes 40), and no disability that would let the person in anyway."""
    return (AGE_OR_DISABLED in now.met and ctx.facts.get("person.disabled") is not True
            and _least_age(ctx) == ctx.params["art06.min_age"])


def _disabled_under_the_age(ctx: Context, now: Assessment) -> bool:
    """Disabled, and not (surely) of the article's age: the relaxed age lets the person in."""
    least = _least_age(ctx)
    return (AGE_OR_DISABLED in now.met and ctx.facts.get("person.disabled") is True
            and (least is None or least < ctx.params["art06.min_age"]))


def _past_retirement_age(ctx: Context, now: Assessment) -> bool:
    """Of an age past which an upper age, had the site applied one, would keep the person out."""
    least = _least_age(ctx)
    return AGE_OR_DISABLED in now.met and least is not None and least >= ctx.params["art06.retirement_age"]


def _has_a_job(ctx: Context, now: Assessment) -> bool:
    """In work now, and nothing else keeps the person out: no test of other work is applied to a post."""
    place = ctx.facts.get("person.job.place")
    return place is not None and place != "none" and not now.failed


def _monthly_shown(ctx: Context, now: Assessment) -> bool:
    """Due with an amount: the monthly figure beside it is that amount ÷ 12."""
    return due(ctx, now) and now.amount is not None


def _extras(ctx: Context, amount: Any) -> dict[str, Any]:
    """The monthly subsidy beside the year's amount, and the insurance the post brings."""
    monthly = None if amount is None else round(amount / ctx.params["art06.months_per_year"], 2)
    pension = ctx.facts.get("person.pension_subsidy")
    insurance = {
        "none": N_("With a post, tier-2 pension and medical insurance contributions are paid for you."),
        "partial": N_("You already get part of your contributions paid: the difference up to tier 2 is "
                      "paid for you."),
        "full": N_("Your contributions are already paid in full by the government: nothing more is paid."),
    }.get(pension, N_("Tier-2 pension and medical insurance contributions are paid for you, less any "
                      "contribution aid you already get."))
    return {
        "monthly": monthly,
        "insurance": [
            msg(insurance),
            msg(N_("Commercial accident insurance with cover of up to {cover}."),
                cover=ctx.params["art06.accident_insurance_cover"]),
        ],
    }


RULE = Rule(
    benefit="public_welfare_post",
    article=6,
    clause=CLAUSE,
    conditions=(
        REGISTERED_POOR,
        Condition(
            is_true("person.wants_work"),
            met=N_("You would take a post near home (有就业愿望)."),
            unmet=N_("Posts are for people who want such work near home (有就业愿望)."),
            remedy=Assume({"person.wants_work": True}, part(N_("wanting a post near home"))),
        ),
        Condition(
            is_true("person.able_to_work"),
            met=N_("You are able to work."),
            unmet=N_("Posts are for people able to do some work."),
            remedy=Assume({"person.able_to_work": True}, part(N_("being able to do some work"))),
        ),
        AGE_OR_DISABLED,
        WORKING_AGE,
    ),
    amount=CityRuralIncome(),
    # public_welfare_monthly is the amount's reading; the others are the conditions'.
    interpretations=("public_welfare_monthly", "post_or_work_away", "public_welfare_disabled_age", "public_welfare_min_working_age",
                     "public_welfare_no_upper_age", "yishang_inclusive", "public_welfare_with_a_job",
                     "age_stated_when_the_day_decides", "birthday_on_the_months_last_day"),
    decides=(
        decides("public_welfare_with_a_job", _has_a_job),
        decides("public_welfare_disabled_age", _disabled_under_the_age, AGE_OR_DISABLED),
        decides("public_welfare_min_working_age", failed(WORKING_AGE), WORKING_AGE),
        decides("yishang_inclusive", _exactly_the_age, AGE_OR_DISABLED),
        decides("public_welfare_no_upper_age", _past_retirement_age, AGE_OR_DISABLED),
        decides("public_welfare_monthly", _monthly_shown),
        never_decides("post_or_work_away", IN_THE_TOTAL),
        decides("age_stated_when_the_day_decides", stated_when_the_day_decides(AGE_OR_DISABLED.test, PERSON.age),
                AGE_OR_DISABLED),
        decides("age_stated_when_the_day_decides", stated_when_the_day_decides(WORKING_AGE.test, PERSON.age),
                WORKING_AGE),
        never_decides("birthday_on_the_months_last_day", NO_DAY_ASKED),
    ),
    missing_figures=(
        MissingFigure(
            "city_rural_income",
            N_("Your city's rural per-capita disposable income of last year (农村常住居民人均可支配收入)"),
            N_("Published in the city's statistical communiqué (统计公报) each spring and in the Ningxia "
               "survey yearbook (宁夏调查年鉴)."),
            fact=OVERRIDE, year_before=True, place_fact="person.city", context="art06.region_rural_income",
        ),
    ),
    person_level=True,
    extras=_extras,
)
RULES = (RULE,)
