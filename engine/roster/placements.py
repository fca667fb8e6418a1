"""A labour broker's list of placed workers: which placements earn the article (四) fee, and why not.

:func:`read_placements` reads a CSV or XLSX file with the site's one reader (:mod:`engine.roster.files`)
and :data:`PLACEMENT_SCHEMA` (Chinese headers and cell words accepted), counts months from the
start date where the months cell is empty, and checks each placement against
:data:`engine.rules.placements.PLACEMENT` with :mod:`engine.roster.check`. :func:`summarise` gives
the count of placements that count to the fee rule of article (四), so the fee is the same as on the
calculator. Nothing is written anywhere.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from engine.employer import results
from engine.roster import check as roster_check
from engine.roster.cells import Column, Schema
from engine.roster.check import REGISTERED_WORDS, RosterCheck, RosterKind, id_column, name_column
from engine.rules.placements import (
    CONTRACT,
    DUPLICATE,
    ENTERPRISE,
    FIRST_JOB,
    MONTHS,
    PLACEMENT,
    PLACEMENT_RULES,
    REGISTERED_POOR,
    SOCIAL_INSURANCE,
)
from i18n import N_

NAME, ID_NUMBER, START_DATE = "placement.name", "placement.id_number", "placement.start_date"
ENTERPRISE_WORDS = {
    **dict.fromkeys(("企业", "公司", "有限公司", "工厂", "enterprise", "company"), True),
    **dict.fromkeys(("个体户", "个体工商户", "家庭", "事业单位", "机关", "公益性岗位"), False),
}
CONTRACT_WORDS = {
    **dict.fromkeys(("已签", "已签订", "签订", "有合同", "signed"), True),
    **dict.fromkeys(("未签", "未签订", "无合同", "not signed"), False),
}

PLACEMENT_SCHEMA = Schema((
    name_column(NAME, "姓名", "名字", "职工姓名"),
    id_column(ID_NUMBER),
    Column(REGISTERED_POOR, "bool", N_("Registered poor worker (建档立卡): yes or no"),
           headers=("是否建档立卡", "是否建档立卡贫困劳动力", "建档立卡", "是否贫困劳动力", "registered poor"),
           values=REGISTERED_WORDS, required=True, en_header="Registered poor", example=("是", "yes")),
    Column(FIRST_JOB, "bool", N_("The worker's first job (初次就业): yes or no"),
           headers=("是否初次就业", "初次就业", "first job"), required=True, en_header="First job",
           example=("是", "yes")),
    Column(ENTERPRISE, "bool", N_("The employer is an enterprise (企业): yes or no"),
           headers=("用工单位是否企业", "是否企业", "到企业就业", "enterprise"), values=ENTERPRISE_WORDS,
           required=True, en_header="Employer is an enterprise", example=("是", "yes")),
    Column(MONTHS, "int", N_("Months in the job without a break (a whole number)"),
           headers=("已就业月数", "就业月数", "在岗月数", "工作月数", "months in the job"), minimum=0, maximum=1200,
           en_header="Months in the job", example=("13", "13")),
    Column(START_DATE, "date", N_("Start date, such as 2019-03-01 (optional: used when months is empty)"),
           headers=("入职日期", "入职时间", "就业日期", "start date"), en_header="Start date"),
    Column(CONTRACT, "bool", N_("Labour contract signed: yes or no"),
           headers=("是否签订劳动合同", "签订劳动合同", "劳动合同", "contract"), values=CONTRACT_WORDS, required=True,
           en_header="Contract signed", example=("是", "yes")),
    Column(SOCIAL_INSURANCE, "bool", N_("Social insurance paid for the worker: yes or no"),
           headers=("是否缴纳社保", "缴纳社保", "是否缴纳社会保险", "社会保险", "社保", "social insurance"),
           required=True, en_header="Social insurance", example=("是", "yes")),
))
PLACEMENTS = RosterKind(
    schema=PLACEMENT_SCHEMA,
    rules=PLACEMENT_RULES,
    rule_columns={PLACEMENT.id: (N_("Service subsidy (Article 4 (四))"), N_("Why"), N_("Next step"))},
    duplicate=DUPLICATE,
    template_fields=(NAME, ID_NUMBER, REGISTERED_POOR, FIRST_JOB, ENTERPRISE, MONTHS, START_DATE, CONTRACT,
                     SOCIAL_INSURANCE),
    name=NAME,
    id_number=ID_NUMBER,
    months=MONTHS,
    start_date=START_DATE,
)
RESULT_COLUMNS = PLACEMENTS.result_columns


def read_placements(data: bytes, filename: str, on: date) -> RosterCheck:
    """Read a broker's list and check every placement on ``on``; raises RosterError for the whole file."""
    return roster_check.read(data, filename, PLACEMENTS, on)


def summarise(check: RosterCheck, lang: str | None) -> dict[str, Any]:
    """Counts per status and the fee for the placements that count."""
    def results_for(count: int) -> dict[str, dict]:
        return results({PLACEMENT.count_fact: count}, check.on, lang, ["broker_fee"])
    return roster_check.summary(check, PLACEMENT, results_for)


def template(lang: str):
    return roster_check.template(PLACEMENTS, lang)


def template_notes(lang: str):
    return roster_check.template_notes(PLACEMENTS, lang)
