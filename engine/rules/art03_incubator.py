"""Article (三): award to entrepreneurship incubation parks that meet a demonstration-base standard.

> 对达到地市级创业孵化示范基地建设标准的园区，由所在地级市一次性给予不低于50万元奖补资金；对达到国家和自治区级
> 创业孵化示范基地建设标准的园区，由自治区一次性给予100万元奖补资金，上述所需资金从就业补助资金中列支。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.logic import Context, Fact, Lookup, Param
from engine.rules.base import Condition, Rule, decides, due
from i18n import N_

if TYPE_CHECKING:
    from engine.assess import Assessment

CLAUSE = (
    "对达到地市级创业孵化示范基地建设标准的园区，由所在地级市一次性给予不低于50万元奖补资金；对达到国家和自治区级"
    "创业孵化示范基地建设标准的园区，由自治区一次性给予100万元奖补资金，上述所需资金从就业补助资金中列支。"
)
LEVEL = Fact("incubator.level")


def _extras(ctx: Context, amount: object) -> dict[str, object]:
    level = ctx.facts.get("incubator.level")
    return {
        "amount_is_minimum": level == "city",
        "payer_level": {"city": "city", "region": "region", "national": "region"}.get(level),
    }


def _city_minimum(ctx: Context, now: Assessment) -> bool:
    """Due at the city level: the amount shown is the city's minimum."""
    return due(ctx, now) and ctx.facts.get("incubator.level") == "city"


RULE = Rule(
    benefit="incubator_award",
    article=3,
    clause=CLAUSE,
    conditions=(
        Condition(
            LEVEL.isin(("city", "region", "national")),
            met=N_("The park meets a demonstration-base standard (city, region or national)."),
            unmet=N_("The park must meet the city-, region- or national-level standard of an "
                     "entrepreneurship incubation demonstration base."),
        ),
    ),
    amount=Lookup(LEVEL, Param("art03.amount_by_level")),
    # The city's “不低于50万元” is a minimum, shown as the amount (and flagged ``amount_is_minimum``).
    interpretations=("incubator_minimum_award",),
    decides=(decides("incubator_minimum_award", _city_minimum),),
    extras=_extras,
)
RULES = (RULE,)
