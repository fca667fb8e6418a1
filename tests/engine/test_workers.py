"""Which workers on a roster count: article (二) "吸纳建档立卡贫困劳动力稳定就业在1年以上并签订劳动合同、缴纳各项
社会保险的" and article (五) "依法签订1年以上劳动合同并交纳社会保险费的". Expectations come from the clauses; the
summary's band and amounts from the benefit rules (二: 11–20 → 2万, 21–30 → 3万, 31–100 → 6万, 101+ → 10万;
五: 12 months of the employer part per hire)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import policy
from engine.evaluate import params_on
from engine.logic import Context
from engine.roster.id_numbers import id_check_character
from engine.roster.workers import (
    RESULT_COLUMNS,
    WORKER_SCHEMA,
    errors_table,
    explain,
    read_workers,
    summarise,
    template,
    template_notes,
)
from engine.rules import workers

ON = date(2019, 12, 31)
HEADER = "是否建档立卡,在岗月数,劳动合同,是否缴纳社保"
COUNTS, NOT, UNKNOWN = "counts", "does_not_count", "needs_info"
CARRIER = {"carrier": "workshop", "located_in": "poor_village", "kind": "sme"}


def check(rows: list[str], header: str = HEADER, on: date = ON):
    return read_workers(("\n".join([header, *rows]) + "\n").encode("gbk"), "roster.csv", on)


def status(result, rule: str) -> list[str]:
    return result.results[f"{rule}.status"].tolist()


CASES = [
    pytest.param("是,12,一年以上,是", COUNTS, COUNTS, id="建档立卡、在岗12个月、一年以上合同、缴社保：两项都计入"),
    pytest.param("是,11,一年以上,是", NOT, COUNTS, id="在岗11个月：车间补贴尚不计入（需1年以上），社保补贴计入"),
    pytest.param("是,0,一年以上,是", NOT, COUNTS, id="刚入职：社保补贴不看在岗月数"),
    pytest.param("否,24,一年以上,是", NOT, NOT, id="非建档立卡：都不计入"),
    pytest.param("是,24,无,是", NOT, NOT, id="未签劳动合同：都不计入"),
    pytest.param("是,24,不满一年,是", COUNTS, NOT, id="不满一年合同：车间补贴计入（条文未规定期限），社保补贴不计入"),
    pytest.param("是,24,是,是", COUNTS, UNKNOWN, id="合同只写“是”：车间补贴计入，社保补贴待补充合同期限"),
    pytest.param("是,24,一年以上,否", NOT, NOT, id="未缴社保：都不计入"),
    pytest.param("是,,一年以上,是", UNKNOWN, COUNTS, id="在岗月数空：车间补贴待补充"),
    pytest.param(",12,一年以上,是", UNKNOWN, UNKNOWN, id="是否建档立卡空：都待补充"),
    pytest.param("否,,,", NOT, NOT, id="非建档立卡且其余未知：已确定不计入"),
    pytest.param("是,-1,一年以上,是", UNKNOWN, COUNTS, id="月数为负：该格作未知，其余照常核对"),
]


@pytest.mark.parametrize(("row", "workshop", "sme"), CASES)
def test_worker_counts(row, workshop, sme):
    result = check([row])
    assert status(result, "workshop") == [workshop]
    assert status(result, "sme") == [sme]


NEXT = [
    pytest.param("是,9,一年以上,是", "workshop", "3 more months with you → counts.", id="在岗9个月：再3个月计入"),
    pytest.param("是,11,一年以上,是", "workshop", "1 more month with you → counts.", id="在岗11个月：再1个月计入"),
    pytest.param("是,24,无,否", "workshop", "A labour contract signed and social insurance paid for the worker → counts.",
                 id="无合同未缴社保：签合同并缴社保"),
    pytest.param("是,10,无,是", "workshop", "A labour contract signed and 2 more months with you → counts.", id="无合同且10个月"),
    pytest.param("是,24,不满一年,是", "sme", "A labour contract of a year or more signed → counts.",
                 id="社保补贴：签一年以上合同"),
    pytest.param("否,24,一年以上,是", "workshop", "", id="非建档立卡：没有可做的下一步"),
    pytest.param("是,,一年以上,是", "workshop", "Fill in or correct: 在岗月数.", id="月数未知：补填在岗月数"),
]


@pytest.mark.parametrize(("row", "rule", "step"), NEXT)
def test_smallest_next_step(row, rule, step):
    table = explain(check([row]), "en")
    assert table[f"{rule}_next"].tolist() == [step]


@pytest.mark.parametrize(("on", "row", "step"), [
    pytest.param(date(2020, 11, 30), "是,11,一年以上,是", "1 more month with you → counts.", id="2020-11-30差1个月：期内可满"),
    pytest.param(date(2020, 12, 1), "是,11,一年以上,是", "", id="2020-12-01差1个月：满12个月已过期，不提示"),
    pytest.param(date(2020, 12, 31), "是,9,一年以上,是", "", id="2020-12-31差3个月：不提示"),
    pytest.param(date(2020, 12, 30), "是,24,无,是", "A labour contract signed → counts.", id="2020-12-30只差合同：还有一天"),
    # Reading action_after_day_assessed: what is done is done after the day assessed; on the last day none is left.
    pytest.param(date(2020, 12, 31), "是,24,无,是", "", id="2020-12-31只差合同：已没有哪一天可以签"),
])
def test_no_row_step_past_the_policy_end(on, row, step):
    table = explain(check([row], on=on), "en")
    assert table["workshop_next"].tolist() == [step]
    if not step:
        assert "before the policy ends on 31 December 2020" in table["workshop_reason"].iloc[0]


def test_reasons_say_why():
    table = explain(check(["是,9,一年以上,是", "否,24,一年以上,是", "是,14,一年以上,是"]), "en")
    assert table["workshop_reason"].tolist() == [
        "Months with you: 9; 12 needed.", "Not a registered poor worker (建档立卡).",
        "Registered poor, 14 months with you, labour contract, social insurance paid."]
    assert list(table.columns) == [key for key, _label in RESULT_COLUMNS]


def test_months_from_the_start_date_when_months_are_empty():
    header = "是否建档立卡,在岗月数,入职日期,劳动合同,是否缴纳社保"
    result = check(["是,,2018-12-31,一年以上,是", "是,,2019-01-01,一年以上,是", "是,5,2010-01-01,一年以上,是",
                    "是,,2020-03-01,一年以上,是"], header=header)
    assert result.facts["worker.months"].tolist()[:3] == [12, 11, 5]  # the months column wins when filled in
    assert status(result, "workshop") == [COUNTS, NOT, NOT, UNKNOWN]
    assert [(e.row, e.column) for e in result.errors] == [(5, "入职日期")]
    assert "after the date of the check" in result.errors[0].problem


def test_a_duplicate_id_counts_once():
    first17 = "64010419900101001"
    number = first17 + id_check_character(first17)
    header = "身份证号,是否建档立卡,在岗月数,劳动合同,是否缴纳社保"
    result = check([f"{number},是,14,一年以上,是", f"{number},是,14,一年以上,是"], header=header)
    assert status(result, "workshop") == [COUNTS, NOT]
    assert explain(result, "en")["workshop_reason"].iloc[1].startswith("Same ID number as row 2")


def test_missing_columns_make_every_row_unknown_on_them():
    result = check(["是,一年以上"], header="是否建档立卡,劳动合同")
    assert result.missing == ("worker.months", "worker.social_insurance")
    assert status(result, "workshop") == [UNKNOWN]


def test_bad_rows_are_listed_and_the_others_still_checked():
    header = "姓名,身份证号,是否建档立卡,在岗月数,劳动合同,是否缴纳社保"
    result = check(["马某,110105194912310021,是,14,一年以上,是", "李某,,是,abc,一年以上,是", "王某,,是,14,一年以上,是"],
                   header=header)
    table = errors_table(result, "en")
    assert table[["row", "column"]].values.tolist() == [[2, "身份证号"], [3, "在岗月数"]]
    # Row 2's ID number has a wrong check digit: the row does not count until it is corrected.
    assert status(result, "workshop") == [NOT, UNKNOWN, COUNTS]
    assert explain(result, "en")["problems"].iloc[1].startswith("在岗月数:")


# --- the summary: counts given to the benefit rules ---------------------------------------------

def roster_of(count: int) -> list[str]:
    return ["是,12,一年以上,是"] * count


@pytest.mark.parametrize(("count", "grant"), [
    pytest.param(10, None, id="10人：不足11人无补贴"), pytest.param(11, 20_000, id="11人：2万元"),
    pytest.param(30, 30_000, id="30人：3万元"), pytest.param(100, 60_000, id="100人：按31至100人一档6万元"),
    pytest.param(101, 100_000, id="101人：10万元"),
])
def test_summary_band_and_grant(count, grant):
    summary = summarise(check(roster_of(count)), CARRIER, "en")
    result = summary["workshop"]["result"]
    assert summary["workshop"]["counts"] == count
    assert result["amount"] == grant
    assert "workshop_band_overlap_100" in result["interpretations"]


def test_summary_sme_total_with_the_monthly_amount():
    summary = summarise(check([*roster_of(3), "是,2,一年以上,是"]), {**CARRIER, "employer_insurance_monthly": 500}, "en")
    assert summary["sme"]["counts"] == 4
    assert summary["sme"]["result"]["amount"] == 4 * 12 * 500
    assert summary["total"] == 24_000


def test_summary_without_the_monthly_amount_names_the_missing_figure():
    summary = summarise(check(roster_of(2)), CARRIER, "en")
    assert summary["sme"]["result"]["status"] == "eligible"
    assert summary["sme"]["result"]["amount"] is None
    assert summary["sme"]["result"]["missing_figures"]


def test_summary_says_what_unknown_rows_could_add():
    summary = summarise(check([*roster_of(10), "是,,一年以上,是"]), CARRIER, "en")
    assert summary["workshop"]["result"]["status"] == "not_eligible"
    assert summary["workshop"]["if_all_known"]["amount"] == 20_000


def test_summary_for_a_place_that_is_not_eligible():
    summary = summarise(check(roster_of(20)), {**CARRIER, "located_in": "other"}, "en")
    assert summary["workshop"]["result"]["status"] == "not_eligible"


def test_outside_the_policy_period_nothing_counts():
    result = check(roster_of(1), on=date(2021, 1, 1))
    assert status(result, "workshop") == [UNKNOWN]
    assert summarise(result, CARRIER, "en")["workshop"]["result"]["status"] == "out_of_period"


def test_templates_in_both_languages_are_read_back():
    for lang in ("zh_CN", "en"):
        headers = list(template(lang).columns)
        data = (",".join(headers) + "\n马某,,是,12,,一年以上,是\n").encode("utf-8")
        result = read_workers(data, "t.csv", ON)
        assert not result.missing, lang
        assert not result.roster.extra, lang
        assert status(result, "workshop") == [COUNTS]
        assert len(template_notes(lang)) == len(headers)


# --- the vectorised rule is the same rule -----------------------------------------------------

cell = {
    "worker.registered_poor": st.sampled_from([True, False, None]),
    "worker.months": st.one_of(st.none(), st.integers(0, 40)),
    "worker.contract": st.sampled_from(["none", "under_1_year", "1_year_or_more", "signed", None]),
    "worker.social_insurance": st.sampled_from([True, False, None]),
}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries(cell), min_size=1, max_size=30))
def test_the_roster_gives_what_each_worker_alone_gives(rows):
    """Each row's status equals the conditions evaluated on that worker alone (Kleene logic)."""
    words = {True: "是", False: "否", None: ""}
    lines = [",".join(["某", words[r["worker.registered_poor"]], "" if r["worker.months"] is None else str(r["worker.months"]),
                       r["worker.contract"] or "", words[r["worker.social_insurance"]]]) for r in rows]
    result = check(lines, header="姓名," + HEADER)  # a name keeps a row of unknowns in the file
    params = params_on(ON)
    for position, row in enumerate(rows):
        facts = {k: v for k, v in row.items() if v is not None}
        if facts.get("worker.contract") not in (None, "signed"):
            facts["worker.contract_length"] = facts["worker.contract"]
        for rule in workers.WORKER_RULES:
            values = [c.test.one(Context(facts, params)) for c in rule.conditions]
            expected = NOT if False in values else UNKNOWN if None in values else COUNTS
            assert result.results[f"{rule.id}.status"].iloc[position] == expected, (rule.id, row)


def test_100000_rows_are_checked():
    result = check(["是,12,一年以上,是", "是,3,不满一年,否"] * 50_000)
    assert len(result) == 100_000
    assert result.count("workshop", COUNTS) == 50_000


# --- metadata: the worker rules cite their articles and hold no figure -------------------------

def test_worker_rules_cite_their_articles_and_hold_no_amount_literal():
    module = workers
    assert "Article (二)" in module.__doc__
    assert "Article (五)" in module.__doc__
    code = Path(module.__file__).read_text(encoding="utf-8").split('"""', 2)[2]
    code = re.sub(r'"[^"\n]*"', '""', code)
    assert not re.findall(r"(?<![\w.])\d{2,}(?![\w])", code)
    for rule in workers.WORKER_RULES:
        for piece in rule.clause.split("……"):
            assert piece.strip("。") in policy.article(rule.article).text
        for condition in rule.conditions:
            assert condition.fact in WORKER_SCHEMA.by_name() or condition.fact in workers.SOURCE_COLUMN


def test_every_column_label_and_status_has_a_message():
    assert all(column.label for column in WORKER_SCHEMA.columns)
    assert set(workers.STATUS_TEXT) == {COUNTS, NOT, UNKNOWN}
