"""Which placements on a broker's list count, for Article (四): the fee per placement.

> 对劳务中介组织、劳务经纪人等组织建档立卡贫困劳动力到企业初次就业1年以上并签订劳动合同、缴纳社会保险的，给予劳务
> 中介组织或经纪人200元/人就业创业服务补贴

A placed worker counts when they are a registered poor worker, the job is their first (初次就业),
it is with an enterprise (到企业), they have worked there a year or more (以上 includes 12
months), and they have a labour contract and social insurance paid. The months and the paperwork
can still change, so a row that falls short on them says how far it is ("10 months so far"); the
rest cannot.
"""

from __future__ import annotations

from engine.logic import Fact, Param, is_true
from engine.rules import art04_broker, workers
from engine.rules.rows import RowCondition, RowRule
from i18n import N_, Nn_

REGISTERED_POOR = "placement.registered_poor"
FIRST_JOB = "placement.first_job"
ENTERPRISE = "placement.enterprise"
MONTHS = "placement.months"
CONTRACT = "placement.contract"
SOCIAL_INSURANCE = "placement.social_insurance"

PLACEMENT = RowRule(
    id="placement",
    benefit="broker_fee",
    article=4,
    clause=art04_broker.FEE_CLAUSE,
    conditions=(
        RowCondition(
            "registered_poor", is_true(REGISTERED_POOR),
            unmet=N_("Not a registered poor worker (建档立卡)."),
            unknown=N_("Not known whether the worker is registered poor ({column})."),
        ),
        RowCondition(
            "first_job", is_true(FIRST_JOB),
            unmet=N_("Not the worker's first job (初次就业)."),
            unknown=N_("Not known whether this is the worker's first job ({column})."),
        ),
        RowCondition(
            "enterprise", is_true(ENTERPRISE),
            unmet=N_("Not a job with an enterprise (企业)."),
            unknown=N_("Not known whether the employer is an enterprise ({column})."),
        ),
        RowCondition(
            "months", Fact(MONTHS) >= Param("art04.min_months"),
            unmet=Nn_("{months} month so far; a placement counts from {required} months.",
                      "{months} months so far; a placement counts from {required} months."),
            unknown=N_("Months in the job not known ({column})."),
            fix=Nn_("{months_more} more month in the job", "{months_more} more months in the job"),
            params={"months": Fact(MONTHS), "required": Param("art04.min_months"),
                    "months_more": Param("art04.min_months") - Fact(MONTHS)},
            wait="months_more",
        ),
        RowCondition(
            "contract", is_true(CONTRACT),
            unmet=N_("No labour contract."),
            unknown=N_("Not known whether there is a labour contract ({column})."),
            fix=N_("a labour contract signed"),
        ),
        RowCondition(
            "social_insurance", is_true(SOCIAL_INSURANCE),
            unmet=N_("No social insurance paid."),
            unknown=N_("Not known whether social insurance is paid ({column})."),
            fix=N_("social insurance paid"),
        ),
    ),
    all_met=Nn_("Registered poor, first job, with an enterprise, {months} month, labour contract, social insurance.",
                "Registered poor, first job, with an enterprise, {months} months, labour contract, social insurance."),
    count_fact="broker.qualifying_placements",
    interpretations=("broker_placement_counts", "yishang_inclusive", "action_after_day_assessed"),
)
PLACEMENT_RULES: tuple[RowRule, ...] = (PLACEMENT,)
DUPLICATE = workers.DUPLICATE  # one worker, one fee
