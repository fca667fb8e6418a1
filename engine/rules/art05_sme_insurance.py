"""Article (五): one year of the employer part of social insurance for each registered poor worker hired.

> 凡区内外中小微企业、新型农业经营主体、民办非企业单位和社会团体吸纳我区建档立卡贫困劳动力就业，依法签订1年以上
> 劳动合同并交纳社会保险费的，按照企业吸纳建档立卡贫困劳动力人数给予企业1年的社会保险补贴（企业缴费部分），所需
> 资金从就业补助资金中列支。
"""

from __future__ import annotations

from typing import Any

from engine.catalog import APPLY_OUTSIDE_EMPLOYER
from engine.logic import Context, Fact, Param
from engine.messages import msg
from engine.rules.base import AFTER_THE_DAY, Condition, MissingFigure, Rule, decides, due, never_decides
from engine.rules.common import count_at_least
from i18n import N_, Nn_

CLAUSE = (
    "凡区内外中小微企业、新型农业经营主体、民办非企业单位和社会团体吸纳我区建档立卡贫困劳动力就业，依法签订1年以上劳动"
    "合同并交纳社会保险费的，按照企业吸纳建档立卡贫困劳动力人数给予企业1年的社会保险补贴（企业缴费部分），所需资金从"
    "就业补助资金中列支。"
)

def _office(ctx: Context, amount: Any) -> dict[str, Any]:
    """Where to apply: an employer outside Ningxia (区内外 names both) is not sent to a county where it is."""
    return {"apply_at": msg(APPLY_OUTSIDE_EMPLOYER)} if ctx.facts.get("employer.in_region") is False else {}


RULE = Rule(
    benefit="sme_insurance_subsidy",
    article=5,
    clause=CLAUSE,
    conditions=(
        Condition(
            Fact("employer.kind").isin(Param("art05.eligible_kinds")),
            met=N_("Your organisation is of a kind the article names."),
            unmet=N_("The article names small, medium and micro enterprises, new agricultural businesses, private "
                     "non-enterprise units and social groups; other organisations, large enterprises among them, are "
                     "not named."),
        ),
        count_at_least(
            "employer.insured_hires", "art05.min_hires",
            met=Nn_("{count} registered poor worker hired with a contract of a year or more and social insurance.",
                    "{count} registered poor workers hired with a contract of a year or more and social "
                    "insurance."),
            unmet=N_("No qualifying hire yet: a registered poor worker with a contract of a year or more "
                     "and social insurance paid."),
            more=Nn_("{more} registered poor worker hired with a contract of a year or more and social "
                     "insurance paid",
                     "{more} registered poor workers hired with a contract of a year or more and social "
                     "insurance paid"),
            readings=("sme_qualifying_hires", "action_after_day_assessed"),
        ),
    ),
    amount=Fact("employer.insured_hires") * Param("art05.months_paid")
    * Fact("employer.employer_insurance_monthly"),
    interpretations=("sme_qualifying_hires", "action_after_day_assessed"),
    # Which contributions the amount is made of: the employer part of pension, medical and unemployment insurance.
    decides=(decides("sme_qualifying_hires", due), never_decides("action_after_day_assessed", AFTER_THE_DAY)),
    missing_figures=(
        MissingFigure(
            "employer_insurance_monthly",
            N_("Your monthly employer contribution per worker (pension + medical + unemployment "
               "insurance)"),
            N_("Your social-insurance payment vouchers show it; the rates are set by the city's social "
               "insurance agency."),
            fact="employer.employer_insurance_monthly",
        ),
    ),
    extras=_office,
)
RULES = (RULE,)
