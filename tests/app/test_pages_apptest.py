"""The home and policy pages run without error in both languages and show what they must (AppTest).

Texts of the interface are compared with what the catalogs say, so these tests hold whether or
not a message is translated yet; texts from the policy's data are compared literally.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engine import policy
from engine.catalog import BENEFITS
from i18n import LOCALES
from ui.frame import SITE_NAME, load_translations
from ui.policy_text import english_rendering

ROOT = Path(__file__).resolve().parents[2]
HOME = "streamlit_app.py"
POLICY = "pages/policy.py"
START = {"zh_CN": "2018年7月1日", "en": "1 July 2018"}
END = {"zh_CN": "2020年12月31日", "en": "31 December 2020"}


def run(page: str, lang: str | None) -> AppTest:
    """Run ``page`` as a visitor would reach it: the entry script is always streamlit_app.py."""
    app = AppTest.from_file(ROOT / HOME, default_timeout=60)
    if lang is not None:
        app.query_params["lang"] = lang
    if page != HOME:
        app.switch_page(page)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def unescape(text: str) -> str:
    """Markdown as it reads on screen (the pages backslash-escape text from data)."""
    return text.replace("\\", "")


def all_text(app: AppTest) -> str:
    parts = [m.value for m in app.markdown] + [c.value for c in app.caption]
    parts += [h.value for h in (*app.title, *app.header, *app.subheader)]
    parts += [h.proto.body for h in app.get("html")]
    return unescape("\n".join(parts))


@pytest.mark.parametrize("lang", LOCALES)
def test_home_names_the_policy_and_its_period(lang):
    app = run(HOME, lang)
    text = all_text(app)
    assert app.title[0].value == load_translations(lang).gettext(SITE_NAME)
    assert policy.POLICY_ID in text
    assert START[lang] in text
    assert END[lang] in text
    title = policy.POLICY_TITLE_ZH if lang == "zh_CN" else english_rendering()["title"]
    assert title in text
    assert app.query_params["lang"] == lang
    assert app.session_state["lang"] == lang


@pytest.mark.parametrize("lang", LOCALES)
def test_home_lists_every_benefit_with_a_link_to_its_article(lang):
    app = run(HOME, lang)
    lists = "\n".join(h.proto.body for h in app.get("html"))
    _ = load_translations(lang).gettext
    for benefit in BENEFITS:
        label = _(benefit.label).replace("“", "").replace("”", "")
        assert label in lists.replace("“", "").replace("”", ""), benefit.id
        assert f'href="policy?lang={lang}#art-{benefit.article}"' in lists, benefit.id


@pytest.mark.parametrize("lang", LOCALES)
def test_navigation_keeps_the_language(lang):
    app = run(HOME, lang)
    links = app.sidebar.get("page_link")
    pages = [link.proto.page for link in links]
    assert pages[0] == ""  # home first
    assert {"resident", "policy"} <= set(pages)
    assert all(link.proto.query_string == f"lang={lang}" for link in links)


def test_policy_page_in_chinese_shows_the_original():
    app = run(POLICY, "zh_CN")
    assert app.title[0].value == policy.POLICY_TITLE_ZH
    headings = [h.value for h in app.subheader]
    assert headings == [f"（{a.numeral}）{a.title}" for a in policy.articles()]
    assert [h.proto.anchor for h in app.subheader] == [f"art-{n}" for n in range(1, 18)]
    assert [h.value for h in app.header][1:] == [title for title, _ in policy.sections()]
    text = all_text(app)
    assert "本意见自2018年7月1日起执行，有效期至2020年12月31日。" in text
    assert policy.article(6).text.removeprefix("（六）") in text


def test_policy_page_in_english_shows_the_rendering_and_the_original():
    app = run(POLICY, "en")
    rendering = english_rendering()
    assert unescape(app.title[0].value) == rendering["title"]
    headings = [unescape(h.value) for h in app.subheader]
    assert headings == [f"{n}. {rendering['articles'][n]['title']}" for n in range(1, 18)]
    assert [h.proto.anchor for h in app.subheader] == [f"art-{n}" for n in range(1, 18)]
    assert [unescape(h.value) for h in app.header][1:] == [s["title"] for s in rendering["sections"]]
    assert len(app.expander) == 18  # the forwarding notice, then the Chinese original of each article
    text = all_text(app)
    assert rendering["closing"] in text
    for article in policy.articles():
        assert article.text in text, article.number  # the Chinese original, whole


def test_policy_text_blocks_carry_their_language():
    app = run(POLICY, "en")
    bodies = [h.proto.body for h in app.get("html") if "text-block" in h.proto.body]
    assert sum('lang="zh-CN"' in body for body in bodies) == 17
    assert sum('lang="en"' in body for body in bodies) == 19  # preamble, 17 articles, closing


def test_language_switch_changes_language_and_query():
    app = run(POLICY, "en")
    app.segmented_control(key="lang_switch").set_value("zh_CN").run()
    assert not app.exception
    assert app.query_params["lang"] == "zh_CN"
    assert app.title[0].value == policy.POLICY_TITLE_ZH


@pytest.mark.parametrize(("given", "expected"), [(None, "zh_CN"), ("fr", "zh_CN"), ("en-US", "en"), ("zh", "zh_CN")])
def test_language_from_the_address_or_the_default(given, expected):
    app = run(HOME, given)
    assert app.session_state["lang"] == expected
    assert app.query_params["lang"] == expected
