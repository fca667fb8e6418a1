"""The institutions' and brokers' pages through Streamlit's AppTest, in both languages: the 两后生 cohort
calculator, its bad input, and the broker fee calculator."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from i18n import LOCALES
from tests.app.pages_under_test import block_text, open_page, t, tn
from ui import format as fmt
from ui.counts import PLACEMENT_COUNTS


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.error]
    parts += [w.value for w in at.warning] + [i.value for i in at.info] + [str(m.value) for m in at.metric]
    return "\n".join(parts).replace("\\", "")


@pytest.mark.parametrize("lang", LOCALES)
def test_cohort_of_40_with_35_passed(lang):
    at = open_page(lang, "pages/institution.py", {"kind": "technical_school"})
    at.number_input(key="inst_enrolled").set_value(40)
    at.number_input(key="inst_completed").set_value(35)
    at.number_input(key="inst_passed").set_value(35).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t(lang, "To the school")] == fmt.money(210_000, lang)
    assert metrics[t(lang, "To the students")] == fmt.money(105_000, lang)
    assert not at.get("vega_lite_chart")  # the first screen does not wait for Vega: the chart is on request
    at.toggle(key="inst_cohort_chart_shown").set_value(True).run()
    assert len(at.get("vega_lite_chart")) == 1
    body = texts(at)
    assert "18" in body  # the assessment projects, "18 in all"


@pytest.mark.parametrize("lang", LOCALES)
def test_the_cohort_starts_empty_with_an_example_link(lang):
    """No amount the school did not ask for: the fields are empty, and an example is a labelled link."""
    at = open_page(lang, "pages/institution.py")
    assert [at.number_input(key=f"inst_{k}").value for k in ("enrolled", "completed", "passed")] == [None] * 3
    assert not at.metric
    assert t(lang, "Type the three numbers to see what the cohort brings.") in texts(at)
    assert at.radio(key="inst_kind").value is None  # the kind of institution is the school's to say
    example = t(lang, "See an example: a technical school (技工院校) with {enrolled} enrolled, {completed} completed "
                      "and {passed} passed").format(enrolled=40, completed=35, passed=35)
    (link,) = [link for link in at.get("page_link") if link.label == example]
    assert "kind=technical_school" in link.proto.query_string.split("&")  # the kind the label names


@pytest.mark.parametrize("lang", LOCALES)
def test_more_passed_than_completed_is_shown_beside_the_field(lang):
    at = open_page(lang, "pages/institution.py")
    at.number_input(key="inst_completed").set_value(10)
    at.number_input(key="inst_passed").set_value(12).run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(fmt.number(10, lang) in e for e in errors)
    assert not at.metric


@pytest.mark.parametrize("lang", LOCALES)
def test_broker_fee_for_placements(lang):
    at = open_page(lang, "pages/broker.py")
    at.number_input(key="brk_placements").set_value(7).run()
    assert not at.exception
    assert fmt.money(1_400, lang) in texts(at) + "\n".join(str(m.value) for m in at.markdown)
    assert at.radio(key="brk_kind").value is None  # who applies starts unanswered
    assert not at.get("radio") or all(r.key != "brk_sex" for r in at.radio)  # asked of a broker, a person, only
    at.radio(key="brk_kind").set_value("person").run()
    at.radio(key="brk_sex").set_value("woman")
    at.number_input(key="brk_birth_year").set_value(1975)  # 45 on the page's day, 31 December 2020
    at.radio(key="brk_joined").set_value(True).run()
    assert not at.exception
    assert "12333" in texts(at)
    assert t(lang, "You are a “4050” person (a woman aged 40 or more, or a man aged 50 or more).") in texts(at)
    at.number_input(key="brk_birth_year").set_value(1981).run()  # 39: not yet
    assert t(lang, "Only “4050” brokers (women aged 40 or more, men aged 50 or more) are covered.") in texts(at)


@pytest.mark.parametrize("lang", LOCALES)
def test_a_labour_agency_is_not_a_4050_person(lang):
    """The 4050 insurance is for brokers who are persons: an agency is told so on the card's face, with no age asked."""
    at = open_page(lang, "pages/broker.py")
    at.radio(key="brk_kind").set_value("agency").run()
    assert not at.exception
    assert all(r.key != "brk_sex" for r in at.radio)
    body = texts(at)
    assert t(lang, "You apply as a labour agency (劳务中介组织); the subsidy is for the “4050” people among labour "
                   "brokers (劳务经纪人中的“4050”人员).") in body
    assert t(lang, "Only a labour broker who is a person can apply; a labour agency cannot.") in body


@pytest.mark.parametrize("lang", LOCALES)
def test_a_year_of_birth_that_leaves_two_ages_asks_the_month_and_then_the_county_checks_the_day(lang):
    """Checked on 1 June 2019, a woman born in 1979 is 39 or 40: the month is asked; born in May she is a “4050”
    person; born in June, the day decides and the county checks it. Born in 1960, a man is 58 or 59: no month."""
    at = open_page(lang, "pages/broker.py", {"on": "2019-06-01"})
    at.radio(key="brk_kind").set_value("person").run()
    at.radio(key="brk_sex").set_value("woman")
    at.number_input(key="brk_birth_year").set_value(1979)
    at.radio(key="brk_joined").set_value(True).run()
    assert not at.exception
    assert [n.key for n in at.number_input if n.key == "brk_birth_month"] == ["brk_birth_month"]
    at.number_input(key="brk_birth_month").set_value(5).run()
    assert t(lang, "You are a “4050” person (a woman aged 40 or more, or a man aged 50 or more).") in texts(at)
    at.number_input(key="brk_birth_month").set_value(6).run()
    day = t(lang, "Your birthday is close to {date}: whether you are a “4050” person on that day depends on the day "
                  "you were born. The county checks it against your ID card.").format(
        date=fmt.date_text(date(2019, 6, 1), lang))
    assert day in texts(at)
    at.radio(key="brk_sex").set_value("man")
    at.number_input(key="brk_birth_year").set_value(1960).run()
    assert not [n for n in at.number_input if n.key == "brk_birth_month"]
    assert t(lang, "You are a “4050” person (a woman aged 40 or more, or a man aged 50 or more).") in texts(at)


@pytest.mark.parametrize("lang", LOCALES)
def test_seven_placed_of_whom_five_count_pay_for_five(lang):
    """The fee follows the placements that count (12 months with contract and insurance), not every placement;
    the two others are named with what makes them count (on 31 December 2019 a placement can still count in time)."""
    at = open_page(lang, "pages/broker.py", {"on": "2019-12-31"})
    at.number_input(key="brk_placed").set_value(7)
    at.number_input(key="brk_placements").set_value(5).run()
    assert not at.exception
    body = texts(at)
    assert fmt.money(1_000, lang) in body
    assert fmt.money(1_400, lang) not in body
    pending = tn(lang, PLACEMENT_COUNTS.pending, 2).format(count=2, end=fmt.date_text(date(2020, 12, 31), lang))
    assert pending in [info.value.replace("\\", "") for info in at.info]
    at.number_input(key="brk_placements").set_value(8).run()
    assert not at.exception
    assert any(fmt.number(7, lang) in e.value for e in at.error), "8 counting of 7 placed is refused"


@pytest.mark.parametrize("lang", LOCALES)
def test_only_a_technical_school_is_paid(lang):
    at = open_page(lang, "pages/institution.py", {"enrolled": "40", "completed": "35", "passed": "35"})
    at.radio(key="inst_kind").set_value("training_institution").run()
    assert not at.exception
    assert not at.metric, "no “to the school” and no “5 not paid for”: none of the 40 is paid for"
    assert t(lang, "The article pays for training at technical schools (技工院校) only.") in texts(at)
    assert not at.get("vega_lite_chart")


@pytest.mark.parametrize("lang", LOCALES)
def test_a_link_reopens_the_same_cohort(lang):
    at = open_page(lang, "pages/institution.py",
                   {"kind": "technical_school", "enrolled": "50", "completed": "20", "passed": "12", "on": "2019-06-30"})
    assert at.number_input(key="inst_passed").value == 12
    assert str(at.date_input(key="inst_date").value) == "2019-06-30"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t(lang, "To the school")] == fmt.money(72_000, lang)
    assert metrics[t(lang, "To the students")] == fmt.money(36_000, lang)
    assert at.query_params["passed"] == "12"


@pytest.mark.parametrize("lang", LOCALES)
def test_a_bad_value_in_a_link_is_said_beside_its_field_and_not_used(lang):
    at = open_page(lang, "pages/institution.py", {"passed": "lots", "enrolled": "-3", "on": "2030-01-01"})
    assert [e.value.replace("\\", "") for e in at.error].count(t(lang, "The link's value for this field was not valid, so it was not "
                                                     "used.")) == 3
    assert at.number_input(key="inst_passed").value is None  # left empty, not a guess from the bad value
    at = open_page(lang, "pages/broker.py", {"placements": "1e9"})
    assert any(t(lang, "The link's value for this field was not valid, so it was not used.") == e.value.replace("\\", "")
               for e in at.error)
    assert at.number_input(key="brk_placements").value is None  # left empty, not a guess


@pytest.mark.parametrize("lang", LOCALES)
def test_broker_link_keeps_the_count(lang):
    at = open_page(lang, "pages/broker.py", {"placements": "37"})
    assert fmt.money(7_400, lang) in texts(at)
    at.number_input(key="brk_placements").set_value(38).run()
    assert at.query_params["placements"] == "38"


# ---------------------------------------------------------------------------------------------
# Issue 26: nothing assumed; what cannot happen is not said
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LOCALES)
def test_a_cohort_of_an_institution_not_yet_said_is_asked_its_kind(lang):
    """The counts alone do not say who is paid: the card asks the kind of institution, and no amount is shown."""
    at = open_page(lang, "pages/institution.py", {"enrolled": "40", "completed": "35", "passed": "35"})
    assert not at.metric
    card = block_text(at, "card_two_after_training_grant")
    asked = t(lang, "“{question}” above").format(question=t(lang, "What kind of institution are you?"))
    assert asked in card
    assert fmt.money(210_000, lang) not in texts(at)


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize(("on", "said"), [("2019-12-31", True), ("2020-12-31", False)])
def test_placements_are_said_not_to_count_yet_only_when_they_still_can(lang, on, said):
    """On the policy's last day a placement that does not count yet cannot come to count: nothing says it will."""
    at = open_page(lang, "pages/broker.py", {"on": on, "placed": "7", "placements": "5"})
    pending = tn(lang, PLACEMENT_COUNTS.pending, 2).format(count=2, end=fmt.date_text(date(2020, 12, 31), lang))
    assert (pending in [info.value.replace("\\", "") for info in at.info]) is said
    assert fmt.money(1_000, lang) in block_text(at, "card_broker_fee")


@pytest.mark.parametrize("lang", LOCALES)
def test_at_a_kiosk_the_empty_count_is_tapped_on_a_keypad(lang):
    """A kiosk has no keyboard, and an empty number cannot be stepped with + and −: the calculators' numbers are
    tapped on the residents' keypad, and the link keeps what was tapped."""
    at = open_page(lang, "pages/broker.py", {"kiosk": "1", "on": "2019-12-31"})
    assert not block_text(at, "card_broker_fee")
    for key in ("brk_placements_pad_key_3", "brk_placements_pad_key_7"):
        at.button(key=key).click().run()
        assert not at.exception
    assert fmt.money(7_400, lang) in block_text(at, "card_broker_fee")
    assert at.query_params["placements"] == "37"


def student_file() -> bytes:
    lines = ["姓名,是否建档立卡,是否两后生,已完成学期数,是否培训合格"] + [f"学生{i},是,是,1,合格" for i in range(5)]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


@pytest.mark.parametrize("lang", LOCALES)
def test_a_list_checked_before_the_kind_is_said_asks_for_it_and_pays_nothing(lang):
    """5 students pass, but who is paid depends on the kind of institution, not yet answered: no amount."""
    at = open_page(lang, "pages/institution.py")
    at.file_uploader(key="inst_students_file").set_value(("学生.csv", student_file(), "text/csv")).run()
    assert not at.exception
    body = texts(at)
    assert fmt.money(30_000, lang) not in body
    quoted = f"“{t(lang, 'What kind of institution are you?')}”"
    assert t(lang, "Still to answer on this page: {questions}").format(questions=quoted) in body
    at.radio(key="inst_kind").set_value("technical_school").run()
    assert fmt.money(30_000, lang) in texts(at)  # 5 × 6,000 to the school once it is said


@pytest.mark.parametrize("lang", LOCALES)
def test_students_not_yet_passed_are_not_told_they_bring_nothing(lang):
    """25 enrolled, 18 passed on 2020-06-30: the 7 others may still complete a semester and pass before the policy
    ends (the list check says so of each), so the cohort says they do not count now, not that they bring nothing."""
    at = open_page(lang, "pages/institution.py", {"kind": "technical_school", "on": "2020-06-30", "enrolled": "25",
                                                  "completed": "20", "passed": "18"})
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t(lang, "Not counted now")] == fmt.number(7, lang)
    body = texts(at)
    assert tn(lang, ("{unpaid} student does not count now: a student counts after completing a semester and passing.",
                     "{unpaid} students do not count now: a student counts after completing a semester and passing."),
              7).format(unpaid=fmt.number(7, lang)) in body
    assert "bring nothing" not in body
    assert "没有补助" not in body


@pytest.mark.parametrize("lang", LOCALES)
def test_the_institutions_page_does_not_tell_the_institution_it_is_paid_as_a_trainee(lang):
    """Article (八)'s guidance speaks to the trainee ("the subsidy is paid to you"): on the institutions' page the
    routes say who is paid in each, and the trainee's guidance is not shown."""
    at = open_page(lang, "pages/institution.py")
    body = texts(at)
    assert t(lang, "Keep your certificate: the subsidy is paid to you only after you obtain it.") not in body
    assert t(lang, "Who is paid: the trainee, after the certificate.") in body


@pytest.mark.parametrize(("turned", "status"), [(True, "eligible"), (False, "not_eligible")])
@pytest.mark.parametrize("lang", LOCALES)
def test_a_broker_born_in_the_month_checked_is_asked_the_day_and_gets_a_card(lang, turned, status):
    """A woman born June 1980, checked on 2020-06-15: the day decides, so she is asked whether she had turned 40 by
    then, and the card follows her answer, with the reading it rests on on its face (it was a dead end)."""
    at = open_page(lang, "pages/broker.py", {"on": "2020-06-15"})
    at.radio(key="brk_kind").set_value("person").run()
    at.radio(key="brk_sex").set_value("woman")
    at.number_input(key="brk_birth_year").set_value(1980)
    at.radio(key="brk_joined").set_value(True).run()
    at.number_input(key="brk_birth_month").set_value(6).run()
    assert not block_text(at, "card_broker_4050_insurance")
    at.radio(key="brk_turned").set_value(turned).run()
    assert not at.exception
    card = block_text(at, "card_broker_4050_insurance")
    assert card
    face = t(lang, "Your birthday is in the month assessed: the age you gave is used.")
    assert face in card
    said = t(lang, "You are a “4050” person (a woman aged 40 or more, or a man aged 50 or more).")
    assert (said in card) is (status == "eligible")
