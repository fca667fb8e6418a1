"""Which placements on a broker's list earn the fee: article (四) "组织建档立卡贫困劳动力到企业初次就业1年以上并签订劳动
合同、缴纳社会保险的，给予劳务中介组织或经纪人200元/人就业创业服务补贴". Expectations come from the clause: 以上 includes
12 months; 200 yuan per placement that counts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import policy
from engine.evaluate import params_on
from engine.logic import Context
from engine.roster.check import explain
from engine.roster.id_numbers import id_check_character
from engine.roster.placements import (
    PLACEMENT_SCHEMA,
    RESULT_COLUMNS,
    read_placements,
    summarise,
    template,
    template_notes,
)
from engine.rules import placements

ON = date(2019, 12, 31)
HEADER = "是否建档立卡,是否初次就业,用工单位是否企业,已就业月数,是否签订劳动合同,是否缴纳社保"
COUNTS, NOT, UNKNOWN = "counts", "does_not_count", "needs_info"
GOOD = "是,是,是,12,是,是"


def check(rows: list[str], header: str = HEADER, on: date = ON):
    return read_placements(("\n".join([header, *rows]) + "\n").encode("gbk"), "placements.csv", on)


def status(result) -> list[str]:
    return result.results["placement.status"].tolist()


CASES = [
    pytest.param(GOOD, COUNTS, id="全部满足、12个月：计入（以上含本数）"),
    pytest.param("是,是,企业,30,已签订,是", COUNTS, id="30个月、企业、已签订：计入"),
    pytest.param("是,是,是,11,是,是", NOT, id="11个月：不足1年，尚不计入"),
    pytest.param("否,是,是,12,是,是", NOT, id="非建档立卡：不计入"),
    pytest.param("是,否,是,12,是,是", NOT, id="非初次就业：不计入"),
    pytest.param("是,是,个体户,12,是,是", NOT, id="到个体户就业：不是企业，不计入"),
    pytest.param("是,是,是,12,未签,是", NOT, id="未签劳动合同：不计入"),
    pytest.param("是,是,是,12,是,否", NOT, id="未缴社保：不计入"),
    pytest.param(",是,是,12,是,是", UNKNOWN, id="是否建档立卡空：待确认"),
    pytest.param("是,,是,12,是,是", UNKNOWN, id="是否初次就业空：待确认"),
    pytest.param("是,是,,12,是,是", UNKNOWN, id="是否企业空：待确认"),
    pytest.param("是,是,是,,是,是", UNKNOWN, id="月数空：待确认"),
    pytest.param("是,是,是,12,,是", UNKNOWN, id="合同空：待确认"),
    pytest.param("是,是,是,12,是,", UNKNOWN, id="社保空：待确认"),
    pytest.param("是,是,是,abc,是,是", UNKNOWN, id="月数不是数字：该格作未知"),
]


@pytest.mark.parametrize(("row", "expected"), CASES)
def test_placement_counts(row, expected):
    assert status(check([row])) == [expected]


NEXT = [
    pytest.param("是,是,是,10,是,是", "2 more months in the job → counts.", id="10个月：再2个月计入"),
    pytest.param("是,是,是,11,是,是", "1 more month in the job → counts.", id="11个月：再1个月计入"),
    pytest.param("是,是,是,12,否,否", "A labour contract signed and social insurance paid → counts.", id="补合同与社保"),
    pytest.param("是,是,是,3,否,是", "9 more months in the job and a labour contract signed → counts.",
                 id="3个月且无合同"),
    pytest.param("是,否,是,3,是,是", "", id="非初次就业：没有可做的下一步"),
    pytest.param("是,是,是,,是,是", "Fill in or correct: 已就业月数.", id="月数未知：补填"),
]


@pytest.mark.parametrize(("row", "step"), NEXT)
def test_smallest_next_step(row, step):
    assert explain(check([row]), "en")["placement_next"].tolist() == [step]


@pytest.mark.parametrize(("on", "row", "step"), [
    pytest.param(date(2020, 10, 31), "是,是,是,10,是,是", "2 more months in the job → counts.", id="2020-10-31差2个月：期内可满"),
    pytest.param(date(2020, 11, 1), "是,是,是,10,是,是", "", id="2020-11-01差2个月：满1年已过期，不提示"),
])
def test_no_placement_step_past_the_policy_end(on, row, step):
    table = explain(check([row], on=on), "en")
    assert table["placement_next"].tolist() == [step]
    assert ("before the policy ends" in table["placement_reason"].iloc[0]) is (not step)


def test_reasons_say_how_far_a_placement_is():
    table = explain(check(["是,是,是,10,是,是", GOOD, "是,是,是,1,是,是"]), "en")
    assert table["placement_reason"].tolist() == [
        "10 months so far; a placement counts from 12 months.",
        "Registered poor, first job, with an enterprise, 12 months, labour contract, social insurance.",
        "1 month so far; a placement counts from 12 months."]
    assert list(table.columns) == [key for key, _label in RESULT_COLUMNS]
    chinese = explain(check(["是,是,是,10,是,是"]), "zh_CN")
    assert "10" in chinese["placement_reason"].iloc[0]
    assert "2" in chinese["placement_next"].iloc[0]


def test_months_from_the_start_date():
    header = "是否建档立卡,是否初次就业,用工单位是否企业,入职日期,是否签订劳动合同,是否缴纳社保"
    result = check(["是,是,是,2018-12-31,是,是", "是,是,是,2019-01-01,是,是", "是,是,是,2020-01-05,是,是"],
                   header=header)
    assert result.facts["placement.months"].tolist()[:2] == [12, 11]
    assert status(result) == [COUNTS, NOT, UNKNOWN]
    assert [(e.row, e.column) for e in result.errors] == [(4, "入职日期")]


@pytest.mark.parametrize(("count", "fee"), [
    pytest.param(0, None, id="0人：无补贴"), pytest.param(1, 200, id="1人：200元"),
    pytest.param(37, 7_400, id="37人：7400元"),
])
def test_summary_fee_per_placement(count, fee):
    summary = summarise(check([GOOD] * count + ["是,是,是,10,是,是"]), "en")
    assert summary["counts"] == count
    assert summary["results"]["broker_fee"]["amount"] == fee


def test_summary_says_what_unknown_rows_could_add():
    summary = summarise(check([GOOD] * 2 + ["是,是,是,12,是,"] * 3), "en")
    assert summary["results"]["broker_fee"]["amount"] == 400
    assert summary["if_all_known"]["broker_fee"]["amount"] == 1_000


def test_a_duplicate_id_earns_one_fee():
    first17 = "64010419900101001"
    number = first17 + id_check_character(first17)
    result = check([f"{number},{GOOD}"] * 2, header="身份证号," + HEADER)
    assert status(result) == [COUNTS, NOT]
    assert summarise(result, "en")["results"]["broker_fee"]["amount"] == 200


def test_outside_the_policy_period_nothing_counts():
    result = check([GOOD], on=date(2018, 6, 30))
    assert status(result) == [UNKNOWN]
    assert summarise(result, "en")["results"]["broker_fee"]["status"] == "out_of_period"


def test_templates_in_both_languages_are_read_back():
    for lang in ("zh_CN", "en"):
        headers = list(template(lang).columns)
        result = read_placements((",".join(headers) + "\n马某,,是,是,是,12,,是,是\n").encode("utf-8"), "t.csv", ON)
        assert not result.missing, lang
        assert not result.roster.extra, lang
        assert status(result) == [COUNTS]
        assert len(template_notes(lang)) == len(headers)


def test_the_rule_cites_article_4_and_reads_its_columns():
    rule = placements.PLACEMENT
    assert rule.article == 4
    assert rule.clause in policy.article(4).text
    assert all(c.fact in PLACEMENT_SCHEMA.by_name() for c in rule.conditions)


cell = {
    "placement.registered_poor": st.sampled_from([True, False, None]),
    "placement.first_job": st.sampled_from([True, False, None]),
    "placement.enterprise": st.sampled_from([True, False, None]),
    "placement.months": st.one_of(st.none(), st.integers(0, 30)),
    "placement.contract": st.sampled_from([True, False, None]),
    "placement.social_insurance": st.sampled_from([True, False, None]),
}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries(cell), min_size=1, max_size=20))
def test_the_list_gives_what_each_placement_alone_gives(rows):
    words = {True: "是", False: "否", None: ""}
    lines = [",".join(["某", *(str(r[k]) if k == "placement.months" and r[k] is not None else words.get(r[k], "")
                              for k in cell)]) for r in rows]
    result = check(lines, header="姓名," + HEADER)
    params = params_on(ON)
    for position, row in enumerate(rows):
        facts = {k: v for k, v in row.items() if v is not None}
        values = [c.test.one(Context(facts, params)) for c in placements.PLACEMENT.conditions]
        expected = NOT if False in values else UNKNOWN if None in values else COUNTS
        assert status(result)[position] == expected, row
