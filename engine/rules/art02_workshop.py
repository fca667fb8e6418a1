"""Article (二): one-off grant to poverty-alleviation carriers by the number of registered poor workers hired.

> 在贫困村、移民村和扶贫产业园创建就业扶贫车间、社区工厂、产业扶贫基地、农产品加工基地等就业扶贫载体……
> 对吸纳建档立卡贫困劳动力稳定就业在1年以上并签订劳动合同、缴纳各项社会保险的，按照吸纳人数给予扶贫载体
> 一次性资金补贴。补贴标准为，吸纳11人至20人的一次性补贴2万元；吸纳21人至30人的一次性补贴3万元；吸纳31人
> 至100人的一次性补贴6万元；吸纳100人以上的一次性补贴10万元，上述所需资金从就业补助资金中列支。
"""

from __future__ import annotations

from engine.logic import Band, Context, Fact, Param
from engine.remedies import Count, Plan, Upgrade, part
from engine.rules.base import (
    AFTER_THE_DAY,
    IN_THE_COUNT,
    Condition,
    Rule,
    decides,
    due,
    fact_is,
    never_decides,
)
from i18n import N_, Nn_

CLAUSE = (
    "在贫困村、移民村和扶贫产业园创建就业扶贫车间、社区工厂、产业扶贫基地、农产品加工基地等就业扶贫载体……对吸纳建档"
    "立卡贫困劳动力稳定就业在1年以上并签订劳动合同、缴纳各项社会保险的，按照吸纳人数给予扶贫载体一次性资金补贴。"
    "补贴标准为，吸纳11人至20人的一次性补贴2万元；吸纳21人至30人的一次性补贴3万元；吸纳31人至100人的一次性补贴"
    "6万元；吸纳100人以上的一次性补贴10万元，上述所需资金从就业补助资金中列支。"
)
HIRES = Fact("employer.qualifying_hires")
BANDS = Param("art02.bands")
AMOUNT = Band(HIRES, BANDS)


class _LowestBand(Param):
    """The lowest number of hires that earns any grant (the first band's lower bound)."""

    def one(self, ctx: Context) -> int:
        return ctx.params[self.path][0]["min"]

    def many(self, frame, params):  # pragma: no cover - employer-level, not evaluated on rosters
        raise NotImplementedError


LOWEST = _LowestBand("art02.bands")

# A new hire counts after 12 months with a contract and social insurance (art02.worker_min_months).
MORE_HIRES = Count("employer.qualifying_hires", LOWEST, part(Nn_(
    "{more} more qualifying hire", "{more} more qualifying hires")), wait_param="art02.worker_min_months")

ENOUGH_HIRES = Condition(
    HIRES >= LOWEST,
    met=Nn_("{count} qualifying hire (at least {required} needed).",
        "{count} qualifying hires (at least {required} needed)."),
    unmet=Nn_("{count} qualifying hire; at least {required} are needed.",
        "{count} qualifying hires; at least {required} are needed."),
    params={"count": HIRES, "required": LOWEST},
    remedy=MORE_HIRES,
    readings=("workshop_worker_counts", "yishang_inclusive", "action_after_day_assessed"),
)


LOCATION = Condition(
    Fact("employer.located_in").isin(("poor_village", "migrant_village", "industrial_park")),
    met=N_("The workshop is in a poor village, a migrant village or a poverty-alleviation "
           "industrial park."),
    unmet=N_("The workshop must be in a poor village, a migrant village or a poverty-alleviation "
             "industrial park."),
    readings=("workshop_carrier_location",),
)


def _at_the_overlap(ctx: Context, now) -> bool:
    """Due, with the hires at the top of the last closed band (“31人至100人”), which “100人以上” also names."""
    closed = [band["max"] for band in ctx.params["art02.bands"] if band["max"] is not None]
    return due(ctx, now) and ctx.facts.get("employer.qualifying_hires") == closed[-1]


def _next_band(ctx: Context) -> list[Plan]:
    """The hires that reach the next band, and when they can count."""
    hires = ctx.facts.get("employer.qualifying_hires")
    if hires is None:
        return []
    above = [band["min"] for band in ctx.params["art02.bands"] if band["min"] > hires]
    return [MORE_HIRES.to(ctx, min(above))] if above else []


RULE = Rule(
    benefit="workshop_grant",
    article=2,
    clause=CLAUSE,
    conditions=(
        Condition(
            Fact("employer.carrier").differs("none"),
            met=N_("You run a poverty-alleviation workshop, community factory or base (扶贫载体)."),
            unmet=N_("The grant is for poverty-alleviation workshops and bases (扶贫载体: workshops, community "
                     "factories, industry bases and farm-produce processing bases)."),
        ),
        LOCATION,
        ENOUGH_HIRES,
    ),
    amount=AMOUNT,
    # The band overlap is the amount's reading; the others are the conditions'.
    interpretations=("workshop_band_overlap_100", "workshop_carrier_location", "workshop_worker_counts",
                     "yishang_inclusive", "action_after_day_assessed"),
    decides=(
        decides("workshop_band_overlap_100", _at_the_overlap),
        decides("workshop_carrier_location", fact_is("employer.located_in", "other"), LOCATION),
        never_decides("workshop_worker_counts", IN_THE_COUNT),
        never_decides("yishang_inclusive", "the 12 months of each hire (1年以上) are inside the count the employer "
                      "gives; the bands' “11人至20人” includes both ends by 至, and 100 is its own reading"),
        never_decides("action_after_day_assessed", AFTER_THE_DAY),
    ),
    upgrades=(Upgrade(_next_band),),
)
RULES = (RULE,)
