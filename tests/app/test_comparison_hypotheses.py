"""The residents' comparison of choices (issue 26): each row is the engine on a hypothetical profile, so it is worded
as the hypothesis it is. A jobless woman read "到外省（区）务工 · 800元 · 可以申请" and "创业并带动就业 · 1万元 · 可以申请"
beside a transport card that said 不适合您: now "如果您到外省（区）务工，可申请…；还差：…".

Each row's words are checked against ``engine.scenarios.compare`` for the same answers: the amount, the date and
what is still needed are the engine's, and only a choice the person already meets is said without an "if".
"""

from __future__ import annotations

import json
from datetime import date

import pyarrow as pa
import pytest

from engine import catalog
from engine.scenarios import compare
from i18n import LOCALES
from tests.app.pages_under_test import block_text, open_page, t
from ui import answers as url
from ui import format as fmt

YEAR = "2018"  # a year before the policy's last: a new job away can still reach its 12 months in time
JOBLESS_WOMAN = {"registered_poor": "1", "birth_year": "1975", "job.place": "none"}
IN_JIANGSU = {"registered_poor": "1", "birth_year": "1980", "job.place": "other_province", "job.months": "14",
              "job.contract": "1_year_or_more", "job.social_insurance": "1"}
IF_CHOICE = {
    "same_county": "If you worked in your home county",
    "other_county": "If you worked in another county of Ningxia",
    "other_province": "If you worked in another province",
    "public_welfare_post": "If you took a public-welfare post",
    "business": "If you started a business that employs others",
}


def engine_rows(params: dict[str, str], lang: str, year: str = YEAR) -> dict[str, dict]:
    answers, rejected = url.read_answers(params)
    assert not rejected
    rows = compare(answers, url.assessment_date(year), lang=lang)
    return {row["scenario"]: row for row in rows}


def results(lang: str, params: dict[str, str]):
    return open_page(lang, "pages/resident.py", {"year": YEAR, "step": "results", **params})


def listed(texts: list[str], lang: str) -> str:
    if lang == "zh_CN":
        return "；".join(text.rstrip("。；") for text in texts) + "。"
    return "; ".join(text.rstrip(".;") for text in texts) + "."


@pytest.mark.parametrize("lang", LOCALES)
def test_a_jobless_woman_reads_each_choice_as_a_what_if_with_what_it_still_needs(lang):
    at = results(lang, JOBLESS_WOMAN)
    rows = engine_rows(JOBLESS_WOMAN, lang)
    away = rows["other_province"]
    assert away["status"] == "eligible"
    assert away["still_needed"], "the engine's hypothesis, not her case"
    shown = block_text(at, "choice_other_province")
    benefit = t(lang, catalog.BY_ID["transport_subsidy"].label)
    assert t(lang, "{choice}, you could apply for “{benefit}”: {amount}, from {date}.").format(
        choice=t(lang, IF_CHOICE["other_province"]), benefit=benefit, amount=fmt.money(800, lang),
        date=fmt.date_text(date.fromisoformat(away["from"]), lang)) in shown
    needs = listed([m["text"] for m in away["still_needed"]], lang)
    assert t(lang, "Still needed: {needs}").format(needs=needs) in shown
    # The old words, a bare status beside the amount, are gone from every row.
    for scenario in rows:
        text = block_text(at, f"choice_{scenario}")
        assert text.startswith(t(lang, IF_CHOICE[scenario])), text
        assert f"{fmt.money(800, lang)} · {t(lang, 'You could apply')}" not in text
        assert f" · {t(lang, 'You could apply')}" not in text


@pytest.mark.parametrize("lang", LOCALES)
def test_a_choice_that_would_not_pay_says_why_not(lang):
    at = results(lang, JOBLESS_WOMAN)
    home = engine_rows(JOBLESS_WOMAN, lang)["same_county"]
    assert home["status"] == "not_eligible"
    shown = block_text(at, "choice_same_county")
    benefit = t(lang, catalog.BY_ID["transport_subsidy"].label)
    assert t(lang, "{choice}, you could not apply for “{benefit}”.").format(
        choice=t(lang, IF_CHOICE["same_county"]), benefit=benefit) in shown
    assert t(lang, "Why not: {reasons}").format(reasons=listed([m["text"] for m in home["still_needed"]], lang)) in shown


@pytest.mark.parametrize("lang", LOCALES)
def test_the_choice_a_worker_already_meets_is_his_own_result(lang):
    """14 months in Jiangsu with a contract and insurance: nothing is lacking, the row is his case, not a what-if."""
    at = results(lang, IN_JIANGSU)
    away = engine_rows(IN_JIANGSU, lang)["other_province"]
    assert away["still_needed"] == []
    assert away["status"] == "eligible"
    shown = block_text(at, "choice_other_province")
    assert shown.startswith(t(lang, "You already meet this choice ({choice}): you can apply for “{benefit}”: "
                                    "{amount}.").format(choice=t(lang, "Work in another province"),
                                                        benefit=t(lang, catalog.BY_ID["transport_subsidy"].label),
                                                        amount=fmt.money(800, lang)))
    assert not shown.startswith(t(lang, IF_CHOICE["other_province"]))


@pytest.mark.parametrize("lang", LOCALES)
def test_the_chart_labels_each_bar_as_a_what_if(lang):
    at = results(lang, JOBLESS_WOMAN)
    at.toggle(key="res_compare_chart_shown").set_value(True).run()
    assert not at.exception
    (chart,) = at.get("vega_lite_chart")
    spec = json.dumps(json.loads(chart.proto.spec), ensure_ascii=False)
    (data,) = (pa.ipc.open_stream(dataset.data.data).read_all().to_pandas() for dataset in chart.proto.datasets)
    axis = t(lang, "If you made this choice")
    assert axis in spec
    assert sorted(data[axis]) == sorted(t(lang, words) for words in IF_CHOICE.values())
    assert t(lang, "Work in another province") not in spec


@pytest.mark.parametrize("lang", LOCALES)
def test_a_choice_not_due_yet_says_so_with_the_engines_step(lang):
    """Born 1980, on 2018-12-31 a post is not due (38), but it is from her 40th year: the row says "not yet" with the
    engine's checked step, never the "could not" of a choice that can never pay (her card says "not yet" too)."""
    woman = {"registered_poor": "1", "birth_year": "1980", "job.place": "none", "wants_work": "1", "able_to_work": "1",
             "disabled": "0"}
    post = engine_rows(woman, lang)["public_welfare_post"]
    assert post["status"] == "not_eligible", post
    assert post["next"], post
    shown = block_text(results(lang, woman), "choice_public_welfare_post")
    benefit = t(lang, catalog.BY_ID["public_welfare_post"].label)
    choice = t(lang, IF_CHOICE["public_welfare_post"])
    assert t(lang, "{choice}, you could not apply for “{benefit}” yet.").format(choice=choice, benefit=benefit) in shown
    assert t(lang, "{choice}, you could not apply for “{benefit}”.").format(choice=choice, benefit=benefit) not in shown
    assert all(step["text"] in shown for step in post["next"])


@pytest.mark.parametrize("lang", LOCALES)
def test_a_choice_that_comes_too_late_asks_no_question(lang):
    """A woman who skipped "registered poor?", checking 2019: a year in a new job away ends after the policy whatever
    she answers, so the row says it comes too late and asks nothing (it said "we would need more answers" and "no
    time is left" in one breath)."""
    woman = {"birth_year": "1967", "city": "guyuan", "county": "640402", "job.place": "none"}
    away = engine_rows(woman, lang, "2019")["other_province"]
    assert (away["status"], away["in_time"]) == ("needs_info", False)
    shown = block_text(open_page(lang, "pages/resident.py", {"year": "2019", "step": "results", **woman}),
                       "choice_other_province")
    benefit = t(lang, catalog.BY_ID["transport_subsidy"].label)
    choice = t(lang, IF_CHOICE["other_province"])
    assert t(lang, "{choice}, you could not apply for “{benefit}” before the policy ends.").format(
        choice=choice, benefit=benefit) in shown
    assert t(lang, "Answer: {question}").split("{")[0] not in shown


@pytest.mark.parametrize("lang", LOCALES)
def test_a_post_due_on_the_policys_last_day_is_not_said_to_come_too_late(lang):
    """Disabled, born 2004, checking 2020, would take a post: the card says he can apply, and so does the row; "a post
    assigned by the county" is the county's doing, not something he must do after the day assessed."""
    boy = {"registered_poor": "1", "birth_year": "2004", "disabled": "1", "wants_work": "1", "able_to_work": "1",
           "job.place": "none"}
    post = engine_rows(boy, lang, "2020")["public_welfare_post"]
    assert (post["status"], post["in_time"]) == ("eligible", True)
    shown = block_text(open_page(lang, "pages/resident.py", {"year": "2020", "step": "results", **boy}),
                       "choice_public_welfare_post")
    benefit = t(lang, catalog.BY_ID["public_welfare_post"].label)
    assert t(lang, "{choice}, you could not apply for “{benefit}” before the policy ends.").format(
        choice=t(lang, IF_CHOICE["public_welfare_post"]), benefit=benefit) not in shown
