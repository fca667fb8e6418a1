"""Which workers on an employer's roster count, for Article (二) and Article (五).

Article (二), the one-off grant to a poverty-alleviation carrier, counts the registered poor workers
it employs stably for a year or more with a labour contract and every social insurance:

> ……对吸纳建档立卡贫困劳动力稳定就业在1年以上并签订劳动合同、缴纳各项社会保险的，按照吸纳人数给予扶贫载体一次性资金补贴。

Article (五), the employer's social-insurance subsidy, counts the registered poor workers hired with
a labour contract of a year or more and social insurance paid:

> 凡区内外中小微企业、新型农业经营主体、民办非企业单位和社会团体吸纳我区建档立卡贫困劳动力就业，依法签订1年以上劳动
> 合同并交纳社会保险费的，按照企业吸纳建档立卡贫困劳动力人数给予企业1年的社会保险补贴（企业缴费部分）……

Each rule is a list of per-worker conditions (:mod:`engine.rules.rows`) in the same three-valued
expressions as the benefit rules, so they evaluate on one worker or on a whole roster at once. Durations and contract kinds are parameters
(``engine/parameters/art02_workers.yaml``, ``art05_workers.yaml``). The employer-level conditions
(carrier, place, kind of organisation) stay in the benefit rules, which the count is given to.
Readings: ``workshop_worker_counts`` and ``yishang_inclusive``.
"""

from __future__ import annotations

from engine.logic import Fact, Param, is_true
from engine.rules import art02_workshop, art05_sme_insurance
from engine.rules.rows import COUNTS, DOES_NOT_COUNT, NOT_KNOWN, STATUS_TEXT, RowCondition, RowRule
from i18n import N_, Nn_

REGISTERED_POOR = "worker.registered_poor"
MONTHS = "worker.months"
CONTRACT = "worker.contract"
CONTRACT_LENGTH = "worker.contract_length"  # the contract, unknown when only "signed" is given
SOCIAL_INSURANCE = "worker.social_insurance"
# Facts derived from a column of the file: the column a person fills in to settle them.
SOURCE_COLUMN = {CONTRACT_LENGTH: CONTRACT}

IS_REGISTERED_POOR = RowCondition(
    "registered_poor", is_true(REGISTERED_POOR),
    unmet=N_("Not a registered poor worker (建档立卡)."),
    unknown=N_("Not known whether the worker is registered poor ({column})."),
)
PAYS_INSURANCE = RowCondition(
    "social_insurance", is_true(SOCIAL_INSURANCE),
    unmet=N_("No social insurance paid."),
    unknown=N_("Not known whether social insurance is paid ({column})."),
    fix=N_("social insurance paid for the worker"),
)

WORKSHOP = RowRule(
    id="workshop",
    benefit="workshop_grant",
    article=2,
    clause=art02_workshop.CLAUSE,
    conditions=(
        IS_REGISTERED_POOR,
        RowCondition(
            "contract", Fact(CONTRACT).isin(Param("art02.worker_contracts")),
            unmet=N_("No labour contract."),
            unknown=N_("Not known whether there is a labour contract ({column})."),
            fix=N_("a labour contract signed"),
        ),
        PAYS_INSURANCE,
        RowCondition(
            "months", Fact(MONTHS) >= Param("art02.worker_min_months"),
            unmet=N_("Months with you: {months}; {required} needed."),
            unknown=N_("Months with you not known ({column})."),
            fix=Nn_("{months_more} more month with you", "{months_more} more months with you"),
            params={"months": Fact(MONTHS), "required": Param("art02.worker_min_months"),
                    "months_more": Param("art02.worker_min_months") - Fact(MONTHS)},
            wait="months_more",
        ),
    ),
    all_met=Nn_("Registered poor, {months} month with you, labour contract, social insurance paid.",
                "Registered poor, {months} months with you, labour contract, social insurance paid."),
    count_fact="employer.qualifying_hires",
    interpretations=("workshop_worker_counts", "yishang_inclusive", "action_after_day_assessed"),
)

SME = RowRule(
    id="sme",
    benefit="sme_insurance_subsidy",
    article=5,
    clause=art05_sme_insurance.CLAUSE,
    conditions=(
        IS_REGISTERED_POOR,
        RowCondition(
            "contract", Fact(CONTRACT_LENGTH).isin(Param("art05.worker_contracts")),
            unmet=N_("No labour contract of a year or more."),
            unknown=N_("The length of the labour contract is not known ({column})."),
            fix=N_("a labour contract of a year or more signed"),
        ),
        PAYS_INSURANCE,
    ),
    all_met=N_("Registered poor, labour contract of a year or more, social insurance paid."),
    count_fact="employer.insured_hires",
    interpretations=("sme_qualifying_hires", "yishang_inclusive", "action_after_day_assessed"),
)

WORKER_RULES: tuple[RowRule, ...] = (WORKSHOP, SME)
DUPLICATE = N_("Same ID number as row {first_row}: the worker is counted once, in row {first_row}.")
__all__ = ["COUNTS", "DOES_NOT_COUNT", "NOT_KNOWN", "SME", "STATUS_TEXT", "WORKER_RULES", "WORKSHOP"]
