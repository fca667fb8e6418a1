"""Which students on a school's list are paid for: article (十一) "建档立卡贫困家庭“两后生”到技工院校参加1个学期的职业
技能培训且培训合格的，按照每人6000元标准……给予培训补助……每人3000元的扶贫助学补助". Expectations come from the clause:
each passed student brings 6,000 yuan to the school and 3,000 yuan to the student; technical schools only."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import policy
from engine.evaluate import params_on
from engine.logic import Context
from engine.roster.check import errors_table, explain
from engine.roster.id_numbers import id_check_character
from engine.roster.students import (
    RESULT_COLUMNS,
    STUDENT_SCHEMA,
    read_students,
    summarise,
    template,
    template_notes,
)
from engine.rules import students

ON = date(2019, 12, 31)
HEADER = "是否建档立卡,是否两后生,已完成学期数,是否培训合格"
COUNTS, NOT, UNKNOWN = "counts", "does_not_count", "needs_info"


def check(rows: list[str], header: str = HEADER, on: date = ON):
    return read_students(("\n".join([header, *rows]) + "\n").encode("gbk"), "students.csv", on)


def status(result) -> list[str]:
    return result.results["student.status"].tolist()


CASES = [
    pytest.param("是,是,1,合格", COUNTS, id="建档立卡、两后生、1个学期、合格：计入"),
    pytest.param("是,是,2,是", COUNTS, id="2个学期、合格：计入"),
    pytest.param("是,是,0,合格", NOT, id="0个学期：不足1个学期，不计入"),
    pytest.param("否,是,1,合格", NOT, id="非建档立卡家庭：不计入"),
    pytest.param("是,否,1,合格", NOT, id="不是两后生：不计入"),
    pytest.param("是,是,1,不合格", NOT, id="培训不合格：不计入"),
    pytest.param("是,是,1,", UNKNOWN, id="尚未考核：待确认"),
    pytest.param(",是,1,合格", UNKNOWN, id="是否建档立卡空：待确认"),
    pytest.param("是,,1,合格", UNKNOWN, id="是否两后生空：待确认"),
    pytest.param("是,是,,合格", UNKNOWN, id="学期数空：待确认"),
    pytest.param("否,,,", NOT, id="非建档立卡且其余未知：已确定不计入"),
    pytest.param("是,是,-1,合格", UNKNOWN, id="学期数为负：该格作未知"),
    pytest.param("建档立卡户,两后生,1,通过", UNKNOWN, id="“两后生”一词不是是/否：该格作未知"),
]


@pytest.mark.parametrize(("row", "expected"), CASES)
def test_student_counts(row, expected):
    assert status(check([row])) == [expected]


NEXT = [
    pytest.param("是,是,0,", "Complete 1 more semester → counts. Fill in or correct: 是否培训合格.", id="0学期未考核"),
    pytest.param("是,是,0,合格", "Complete 1 more semester → counts.", id="0学期：再完成1个学期"),
    pytest.param("是,是,1,不合格", "Pass the training assessment → counts.", id="不合格：通过考核"),
    pytest.param("否,是,1,合格", "", id="非建档立卡：没有可做的下一步"),
    pytest.param("是,否,1,合格", "", id="非两后生：没有可做的下一步"),
    pytest.param("是,是,1,", "Fill in or correct: 是否培训合格.", id="未考核：补填结果"),
]


@pytest.mark.parametrize(("row", "step"), NEXT)
def test_smallest_next_step(row, step):
    assert explain(check([row]), "en")["student_next"].tolist() == [step]


@pytest.mark.parametrize(("on", "step"), [
    pytest.param(date(2020, 6, 30), "Complete 1 more semester → counts.", id="2020-06-30：一个学期（至多6个月）期内可完成"),
    pytest.param(date(2020, 7, 1), "", id="2020-07-01：一个学期读完已过期，不提示"),
])
def test_no_semester_step_past_the_policy_end(on, step):
    assert explain(check(["是,是,0,合格"], on=on), "en")["student_next"].tolist() == [step]


def test_reasons_say_why_in_both_languages():
    result = check(["是,是,0,合格", "是,否,1,合格", "是,是,1,合格"])
    table = explain(result, "en")
    assert table["student_reason"].tolist() == [
        "0 semesters completed so far; 1 needed.",
        "Not a “two-after” student (a junior or senior high school leaver who did not go on to further study).",
        "Registered poor family, “two-after” student, 1 semester trained, passed."]
    assert list(table.columns) == [key for key, _label in RESULT_COLUMNS]
    chinese = explain(result, "zh_CN")
    assert chinese["student_status"].tolist() == ["不计入", "不计入", "计入"]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in chinese["student_reason"])


# --- the summary: the cohort calculator's amounts --------------------------------------------

def cohort(passed: int, failed: int = 0, unknown: int = 0) -> list[str]:
    return ["是,是,1,合格"] * passed + ["是,是,1,不合格"] * failed + ["是,是,1,"] * unknown


def amounts(summary, key: str = "results") -> tuple:
    found = summary[key]
    return found["two_after_training_grant"]["amount"], found["two_after_study_aid"]["amount"]


@pytest.mark.parametrize(("passed", "school", "students_total"), [
    pytest.param(0, None, None, id="无人合格：无补助"),
    pytest.param(1, 6_000, 3_000, id="1人合格：6000与3000"),
    pytest.param(35, 210_000, 105_000, id="35人合格：21万元与10.5万元"),
])
def test_summary_pays_per_passed_student(passed, school, students_total):
    summary = summarise(check(cohort(passed, failed=40 - passed)), "technical_school", "en")
    assert summary["counts"] == passed
    assert summary["does_not_count"] == 40 - passed
    assert amounts(summary) == (school, students_total)


def test_only_technical_schools_are_paid():
    summary = summarise(check(cohort(10)), "training_institution", "en")
    assert summary["results"]["two_after_training_grant"]["status"] == "not_eligible"
    assert summarise(check(cohort(10)), None, "en")["results"]["two_after_training_grant"]["status"] == "needs_info"


def test_summary_says_what_students_not_assessed_yet_could_add():
    summary = summarise(check(cohort(30, unknown=5)), "technical_school", "en")
    assert amounts(summary) == (180_000, 90_000)
    assert amounts(summary, "if_all_known") == (210_000, 105_000)
    assert summarise(check(cohort(3)), "technical_school", "en")["if_all_known"] is None


def test_a_duplicate_id_is_paid_once():
    first17 = "64010420030101001"
    number = first17 + id_check_character(first17)
    result = check([f"{number},是,是,1,合格"] * 2, header="身份证号," + HEADER)
    assert status(result) == [COUNTS, NOT]
    assert explain(result, "en")["student_reason"].iloc[1] == (
        "Same ID number as row 2: the student is paid for once, in row 2.")
    assert summarise(result, "technical_school", "en")["counts"] == 1


def test_missing_and_bad_cells_are_said_and_the_other_rows_checked():
    result = check(["是,1", "是,x"], header="是否建档立卡,已完成学期数")
    assert result.missing == ("student.two_after", "student.passed")
    assert status(result) == [UNKNOWN, UNKNOWN]
    assert errors_table(result, "en")[["row", "column"]].values.tolist() == [[3, "已完成学期数"]]


def test_outside_the_policy_period_nothing_counts():
    result = check(cohort(2), on=date(2021, 1, 1))
    assert status(result) == [UNKNOWN, UNKNOWN]
    assert summarise(result, "technical_school", "en")["results"]["two_after_training_grant"]["status"] == (
        "out_of_period")


def test_templates_in_both_languages_are_read_back():
    for lang in ("zh_CN", "en"):
        headers = list(template(lang).columns)
        result = read_students((",".join(headers) + "\n马某,,是,是,1,合格\n").encode("utf-8"), "t.csv", ON)
        assert not result.missing, lang
        assert not result.roster.extra, lang
        assert status(result) == [COUNTS]
        assert len(template_notes(lang)) == len(headers)


def test_the_rule_cites_article_11_and_reads_its_columns():
    rule = students.STUDENT
    assert rule.article == 11
    assert rule.clause in policy.article(11).text
    assert all(c.fact in STUDENT_SCHEMA.by_name() for c in rule.conditions)


cell = {
    "student.registered_poor": st.sampled_from([True, False, None]),
    "student.two_after": st.sampled_from([True, False, None]),
    "student.semesters": st.one_of(st.none(), st.integers(0, 4)),
    "student.passed": st.sampled_from([True, False, None]),
}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries(cell), min_size=1, max_size=20))
def test_the_list_gives_what_each_student_alone_gives(rows):
    words = {True: "是", False: "否", None: ""}
    lines = [",".join(["某", words[r["student.registered_poor"]], words[r["student.two_after"]],
                       "" if r["student.semesters"] is None else str(r["student.semesters"]),
                       words[r["student.passed"]]]) for r in rows]
    result = check(lines, header="姓名," + HEADER)
    params = params_on(ON)
    for position, row in enumerate(rows):
        facts = {k: v for k, v in row.items() if v is not None}
        values = [c.test.one(Context(facts, params)) for c in students.STUDENT.conditions]
        expected = NOT if False in values else UNKNOWN if None in values else COUNTS
        assert status(result)[position] == expected, row
