"""A reading that decides a person's result is on the card's face (issue 26), not only under "The policy says", in both
languages, on the screen and on the printed summary."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from engine import catalog, evaluate
from engine.interpretations import INTERPRETATIONS
from engine.totals import PAID_TO_RESIDENT, total
from i18n import LOCALES
from tests.app.pages_under_test import open_page, t
from ui.frame import Page, load_translations
from ui.summary import summary_html

POST = {"year": "2019", "step": "results", "registered_poor": "1", "wants_work": "1", "able_to_work": "1"}
# A man of 45 (born 1974) with a job in his home county: posts are a safety net for people without other work.
EMPLOYED_MAN = {**POST, "birth_year": "1974", "job.place": "same_county"}
# A disabled woman of 35 (born 1984): her disability is why the age of 40 does not stop her.
DISABLED_WOMAN = {**POST, "birth_year": "1984", "disabled": "1"}


def _card(node: Any, benefit: str) -> Any:
    """The block of ``benefit``'s card (its container's key is ``card_<benefit>``)."""
    proto_id = getattr(getattr(node, "proto", None), "id", "")
    if isinstance(proto_id, str) and proto_id.endswith(f"-card_{benefit}"):
        return node
    for child in getattr(node, "children", {}).values():
        found = _card(child, benefit)
        if found is not None:
            return found
    return None


def _markdown(node: Any, *, skip_expanders: bool) -> list[str]:
    """The markdown in a block, all of it or only what is on its face (outside every expander)."""
    found = []
    for child in getattr(node, "children", {}).values():
        kind = getattr(child, "type", None)
        if kind == "expander" and skip_expanders:
            continue
        if kind == "markdown":
            found.append(child.value.replace("\\", ""))
        found += _markdown(child, skip_expanders=skip_expanders)
    return found


def _face_and_expander(params: dict[str, str], lang: str, benefit: str) -> tuple[str, str]:
    at = open_page(lang, "pages/resident.py", params)
    card = _card(at.main, benefit)
    assert card is not None, f"no card of {benefit}"
    face, whole = (_markdown(card, skip_expanders=skip) for skip in (True, False))
    return "\n".join(face), "\n".join(whole)


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize(("params", "reading"), [
    pytest.param(EMPLOYED_MAN, "public_welfare_with_a_job", id="employed man of 45"),
    pytest.param(DISABLED_WOMAN, "public_welfare_disabled_age", id="disabled woman of 35"),
])
def test_the_deciding_reading_is_on_the_post_cards_face(params, reading, lang):
    face, whole = _face_and_expander(params, lang, "public_welfare_post")
    sentence = t(lang, INTERPRETATIONS[reading].face)
    assert sentence in face, face
    assert t(lang, INTERPRETATIONS[reading].reading) in whole  # the reading in full stays under "The policy says"
    assert t(lang, INTERPRETATIONS[reading].reading) not in face


@pytest.mark.parametrize("lang", LOCALES)
def test_a_reading_that_does_not_decide_stays_off_the_face(lang):
    """A man of 45 without a job: nothing about having a job, nor about disability, on the face."""
    face, _ = _face_and_expander({**POST, "birth_year": "1974", "job.place": "none"}, lang, "public_welfare_post")
    for reading in ("public_welfare_with_a_job", "public_welfare_disabled_age"):
        assert t(lang, INTERPRETATIONS[reading].face) not in face


ON = date(2019, 12, 31)
# Born 1974 (45 周岁), 14 months in another province, would take a post, the city figure typed.
PROFILE = {"person": {"registered_poor": True, "birth_year": 1974, "city": "guyuan", "county": "640422",
                      "job": {"place": "other_province", "months": 14, "contract": "1_year_or_more",
                              "social_insurance": True},
                      "wants_work": True, "able_to_work": True, "city_rural_income_last_year": 11708}}


@pytest.mark.parametrize("lang", LOCALES)
def test_the_printed_summary_says_what_the_card_face_says(lang):
    """The post's card says that he has a job; the transport subsidy's that it is not added to the post in the
    total: the summary's cards say the same."""
    page = Page(lang, load_translations(lang))
    results = [r for r in evaluate(PROFILE, ON, lang)["results"] if r["payee"] in PAID_TO_RESIDENT]
    html = summary_html(page, results, on=ON, summed=total(results, lang, payees=PAID_TO_RESIDENT), answers=[],
                        link="http://127.0.0.1/r", county="640422")
    cards = html.split("<div class='card'>")
    for benefit, reading in (("public_welfare_post", "public_welfare_with_a_job"),
                             ("transport_subsidy", "post_or_work_away")):
        sentence = t(lang, INTERPRETATIONS[reading].face)
        holding = [card for card in cards if sentence in card]
        assert len(holding) == 1, (benefit, sentence)
        assert t(lang, catalog.BY_ID[benefit].label) in holding[0]
