"""The error boundary (ui/errors.py): a page that fails shows a friendly message with a reference code in the
visitor's language, no traceback, and logs the code and where it failed without any personal data. Streamlit's
own control flow (st.stop, st.rerun) passes through. The failing page is ``tests/app/raising_page.py``."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import LOCALES
from ui.errors import FRIENDLY_MESSAGE
from ui.frame import load_translations

PAGE = str(Path(__file__).resolve().with_name("raising_page.py"))
PLANTED = ("张三丰", "11010519491231002X")
CODE = re.compile(r"\b[0-9A-F]{8}\b")


def open_page(mode: str, lang: str | None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["mode"] = mode
    if lang is not None:
        at.query_params["lang"] = lang
    at.run()
    assert not at.exception, "Streamlit's own exception element was shown"
    return at


def shown(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [e.value for e in at.error]).replace("\\", "")


def error_codes(at: AppTest) -> list[str]:
    return [code for e in at.error for code in CODE.findall(e.value)]


def expected_message(lang: str, code: str) -> str:
    return load_translations(lang).gettext(FRIENDLY_MESSAGE).format(code=code)


@pytest.mark.parametrize("lang", LOCALES)
def test_a_failing_page_shows_a_friendly_message_with_a_code_and_logs_no_personal_data(lang, caplog):
    caplog.set_level(logging.DEBUG)
    at = open_page("raise", lang)
    assert len(at.error) == 1
    [code] = error_codes(at)
    assert at.error[0].value.replace("\\", "") == expected_message(lang, code)
    text = shown(at)
    assert "Before the failure" in text
    assert "After the failure" not in text
    for leak in ("Traceback", "ValueError", "KeyError", "raising_page", *PLANTED):
        assert leak not in text
    logged = "\n".join(record.getMessage() for record in caplog.records)
    records = [r for r in caplog.records if r.name == "ui.errors"]
    assert len(records) == 1
    line = records[0].getMessage()
    assert code in line
    assert "ValueError from KeyError" in line
    assert re.search(r"tests/app/raising_page\.py:\d+ fail", line), line
    assert all(r.exc_info is None for r in caplog.records)  # no traceback with its message in any record
    for leak in PLANTED:
        assert leak not in logged


def test_the_message_is_translated():
    zh, en = (load_translations(lang).gettext(FRIENDLY_MESSAGE) for lang in ("zh_CN", "en"))
    assert zh != en
    assert re.search(r"[\u4e00-\u9fff]", zh)
    assert "{code}" in zh


def test_the_language_comes_from_the_browser_when_the_address_has_none():
    at = open_page("raise", None)
    [code] = error_codes(at)
    assert at.error[0].value.replace("\\", "") == expected_message("zh_CN", code)


def test_each_failure_gets_its_own_code(caplog):
    caplog.set_level(logging.ERROR)
    codes = {error_codes(open_page("raise", "en"))[0] for _ in range(3)}
    assert len(codes) == 3


def test_st_stop_is_not_an_error(caplog):
    at = open_page("stop", "en")
    assert not at.error
    assert "Before the failure" in shown(at)
    assert "After the failure" not in shown(at)
    assert not [r for r in caplog.records if r.name == "ui.errors"]


def test_st_rerun_is_not_an_error():
    at = open_page("rerun", "en")
    assert not at.error
    assert "After the rerun" in shown(at)


def test_a_guarded_fragment_fails_alone_and_the_page_goes_on(caplog):
    caplog.set_level(logging.DEBUG)
    at = open_page("fragment", "en")
    [code] = error_codes(at)
    text = shown(at)
    assert "Inside the fragment" in text
    assert "After the failure" in text
    assert code in "\n".join(r.getMessage() for r in caplog.records if r.name == "ui.errors")
    for leak in PLANTED:
        assert leak not in caplog.text


@pytest.mark.parametrize("lang", LOCALES)
def test_a_guarded_callback_fails_with_the_message(lang, caplog):
    caplog.set_level(logging.DEBUG)
    at = open_page("callback", lang)
    assert not at.error
    at.button(key="fail").click().run()
    assert not at.exception
    [code] = error_codes(at)
    assert at.error[0].value.replace("\\", "") == expected_message(lang, code)
    assert "After the failure" in shown(at)
    for leak in PLANTED:
        assert leak not in caplog.text


ROOT = Path(__file__).resolve().parents[2]
SITE_PAGES = [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py"))]


@pytest.mark.parametrize("path", SITE_PAGES, ids=lambda p: p.name)
def test_every_page_runs_in_the_boundary(path):
    """The boundary only helps a page that uses it: each page's last statement is ``errors.run(main)``."""
    last = [line for line in path.read_text("utf-8").splitlines() if line.strip()][-1]
    assert last == "errors.run(main)", f"{path.name} ends with {last!r}"
