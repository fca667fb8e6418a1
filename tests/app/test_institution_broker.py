"""The institutions' and brokers' pages through Streamlit's AppTest, in both languages: the 两后生 cohort
calculator, its bad input, and the broker fee calculator."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import LOCALES
from ui import format as fmt
from ui.frame import load_translations

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


def t(lang: str, message: str) -> str:
    return load_translations(lang).gettext(message)


def open_page(lang: str, path: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    at.switch_page(path)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.error]
    parts += [w.value for w in at.warning] + [i.value for i in at.info] + [str(m.value) for m in at.metric]
    return "\n".join(parts).replace("\\", "")


@pytest.mark.parametrize("lang", LOCALES)
def test_cohort_of_40_with_35_passed(lang):
    at = open_page(lang, "pages/institution.py")
    at.number_input(key="inst_enrolled").set_value(40)
    at.number_input(key="inst_completed").set_value(35)
    at.number_input(key="inst_passed").set_value(35).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t(lang, "To the school")] == fmt.money(210_000, lang)
    assert metrics[t(lang, "To the students")] == fmt.money(105_000, lang)
    assert len(at.get("vega_lite_chart")) >= 1
    body = texts(at)
    assert "18" in body  # the assessment projects, "18 in all"


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
    at.radio(key="brk_4050").set_value(True)
    at.radio(key="brk_joined").set_value(True).run()
    assert not at.exception
    assert "12333" in texts(at)
