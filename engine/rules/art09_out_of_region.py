"""Article (九): employers outside Ningxia that hire and train Ningxia's registered poor workers.

> 区外用人单位与我区建档立卡贫困劳动力签订1年以上劳动合同、缴纳社会保险并在区外就业，用人单位组织开展岗前培训和岗位技能
> 提升培训的，由我区劳动者户籍所在地人力资源社会保障部门和财政部门按照自治区职业技能培训补贴标准从就业专项资金中分别给予
> 培训补贴和鉴定补贴；吸纳我区建档立卡贫困户家庭中劳动力就业的，再按我区灵活就业人员社保补贴办法和标准从就业补助资金中
> 给予社保补贴。

The social-insurance subsidy is read as paid in addition to the training subsidies, without the training (「再」,
reading ``out_of_region_insurance_in_addition``), for the same counted hires (``out_of_region_insurance_same_hires``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.logic import Context, Fact, Param, is_true
from engine.remedies import Do, part
from engine.rules.art08_training import EMPLOYER_TRAINING_STANDARD
from engine.rules.base import (
    AFTER_THE_DAY,
    IN_THE_COUNT,
    Condition,
    MissingFigure,
    Rule,
    decides,
    due,
    never_decides,
)
from engine.rules.common import count_at_least
from i18n import N_, Nn_

if TYPE_CHECKING:
    from engine.assess import Assessment

CLAUSE = (
    "区外用人单位与我区建档立卡贫困劳动力签订1年以上劳动合同、缴纳社会保险并在区外就业，用人单位组织开展岗前培训和岗位"
    "技能提升培训的，由我区劳动者户籍所在地人力资源社会保障部门和财政部门按照自治区职业技能培训补贴标准从就业专项资金中"
    "分别给予培训补贴和鉴定补贴；吸纳我区建档立卡贫困户家庭中劳动力就业的，再按我区灵活就业人员社保补贴办法和标准从就业"
    "补助资金中给予社保补贴。"
)

OUTSIDE = Condition(
    Fact("employer.in_region").equals(False),
    met=N_("Your organisation is outside Ningxia."),
    unmet=N_("This article is for employers outside Ningxia; employers in Ningxia see Articles 5 (五) and 10 (十)."),
)
HIRES = count_at_least(
    "employer.out_of_region_hires", "art09.min_hires",
    met=Nn_("{count} registered poor worker from Ningxia hired with a contract of a year or more and social "
            "insurance, working outside Ningxia.",
            "{count} registered poor workers from Ningxia hired with a contract of a year or more and "
            "social insurance, working outside Ningxia."),
    unmet=N_("No qualifying hire yet: a registered poor worker from Ningxia with a contract of a year or "
             "more and social insurance paid, working outside Ningxia."),
    more=Nn_("{more} registered poor worker from Ningxia hired with a contract of a year or more and social "
             "insurance paid, working outside Ningxia",
             "{more} registered poor workers from Ningxia hired with a contract of a year or more and social "
             "insurance paid, working outside Ningxia"),
    readings=("out_of_region_worker_facts", "action_after_day_assessed"),
)
TRAINS = Condition(
    is_true("employer.trains_hires"),
    met=N_("You give them pre-job or on-the-job skills training."),
    unmet=N_("The training subsidy needs pre-job or on-the-job skills training that you organise."),
    remedy=Do({"employer.trains_hires": True},
              part(N_("pre-job or on-the-job skills training that you organise for them"))),
    readings=("action_after_day_assessed",),
)


def _without_training(ctx: Context, now: Assessment) -> bool:
    """Due, and the employer does not (or did not say it does) train the hires: “再” as “in addition” is why."""
    return due(ctx, now) and ctx.facts.get("employer.trains_hires") is not True


TRAINING = Rule(
    benefit="out_of_region_training_subsidy",
    article=9,
    clause=CLAUSE,
    conditions=(OUTSIDE, HIRES, TRAINS),
    amount=Param("art08.regional_training_standard"),
    interpretations=("out_of_region_worker_facts", "action_after_day_assessed"),
    decides=(never_decides("out_of_region_worker_facts", IN_THE_COUNT),
             never_decides("action_after_day_assessed", AFTER_THE_DAY)),
    missing_figures=(EMPLOYER_TRAINING_STANDARD,),
)
INSURANCE = Rule(
    benefit="out_of_region_insurance_subsidy",
    article=9,
    clause=CLAUSE,
    conditions=(OUTSIDE, HIRES),
    amount=Param("art09.flexible_insurance_subsidy"),
    # 「再」: the insurance subsidy is paid in addition, without the training; its hires are the same count.
    interpretations=("out_of_region_worker_facts", "out_of_region_insurance_in_addition",
                     "out_of_region_insurance_same_hires", "action_after_day_assessed", "out_of_region_insurance_payee"),
    decides=(
        decides("out_of_region_insurance_in_addition", _without_training),
        decides("out_of_region_insurance_payee", due),
        never_decides("out_of_region_worker_facts", IN_THE_COUNT),
        never_decides("out_of_region_insurance_same_hires", IN_THE_COUNT),
        never_decides("action_after_day_assessed", AFTER_THE_DAY),
    ),
    missing_figures=(
        MissingFigure(
            "flexible_insurance_subsidy",
            N_("Ningxia's flexible-employment social-insurance subsidy standard"),
            N_("Set by the region; the human resources and social security bureau of the worker's home "
               "county applies it."),
        ),
    ),
)
RULES = (TRAINING, INSURANCE)
