"""The frame every page starts with: language, page settings, navigation and the policy banner.

Each page script (``streamlit_app.py`` and every file in ``pages/``) calls :func:`frame` first,
because a deep link to a page on a fresh server runs that page's script alone.

The language comes from ``?lang=`` first, then the session, then the browser, then zh_CN. It is
kept in the session and in the URL, so a link that carries ``query_params={"lang": ...}``
keeps it from page to page. Nothing installs a global language: one process serves everyone.
"""

from __future__ import annotations

import gc
import gettext
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

import i18n
from engine.policy import IN_FORCE_FROM, IN_FORCE_UNTIL, POLICY_ID, POLICY_TITLE_ZH, has_ended
from i18n import DEFAULT_LOCALE, LOCALES, N_
from ui import format as fmt
from ui import kiosk
from ui.policy_text import english_rendering

# TRANSLATORS: the name of the site, shown in the browser tab and at the top of the home page.
SITE_NAME = N_("Employment Poverty-Alleviation Policy Self-Service")
ASSETS = Path(__file__).resolve().parents[1] / "assets"  # static files the pages serve
STYLESHEET = ASSETS / "site.css"
FAVICON = ASSETS / "favicon.png"  # served from the site itself (a material icon would be fetched from Google)
LANG_KEY = "lang"
SWITCH_KEY = "lang_switch"
# The language switch names each language in that language, so anyone can find their own.
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}
# Pages that exist, in the order of the navigation: (script, label msgid, icon).
PAGES = (
    ("streamlit_app.py", N_("Home"), ":material/home:"),
    ("pages/resident.py", N_("Check what you can apply for"), ":material/person_search:"),
    ("pages/employer.py", N_("Employers and workshops"), ":material/factory:"),
    ("pages/institution.py", N_("Training institutions"), ":material/school:"),
    ("pages/broker.py", N_("Labour brokers"), ":material/handshake:"),
    ("pages/policy.py", N_("Policy text"), ":material/gavel:"),
)
# The page each role starts from, for the roles whose page exists.
ROLE_PAGES = {
    "resident": ("pages/resident.py", N_("Check what you can apply for"), ":material/person_search:"),
    "employer": ("pages/employer.py", N_("Employers and workshops"), ":material/factory:"),
    "institution": ("pages/institution.py", N_("Training institutions"), ":material/school:"),
    "broker": ("pages/broker.py", N_("Labour brokers"), ":material/handshake:"),
}


@dataclass(frozen=True)
class Page:
    """What a page needs from the frame: its language and the translators for it."""

    lang: str
    translations: Any  # babel Translations, or gettext.NullTranslations before the catalogs exist
    kiosk: bool = False  # kiosk mode (ui/kiosk.py): touch screen, no sidebar, idle reset

    @property
    def query(self) -> dict[str, str]:
        """The query parameters every link to another page carries: the language, and kiosk mode."""
        return {LANG_KEY: self.lang, kiosk.KIOSK_KEY: "1"} if self.kiosk else {LANG_KEY: self.lang}

    def _(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    @property
    def babel_locale(self) -> str:
        return fmt.babel_locale(self.lang)

    @property
    def html_lang(self) -> str:
        return fmt.html_lang(self.lang)


def load_translations(lang: str) -> Any:
    """The catalog of ``lang``; the English msgids themselves while no catalog file exists."""
    try:
        return i18n.translations(lang)
    except FileNotFoundError:
        return gettext.NullTranslations()


def supported(value: object) -> bool:
    """Whether ``value`` (``?lang=``, a browser's language tag) names a language of the site ("en-US", "zh")."""
    return isinstance(value, str) and value.strip().lower()[:2] in {"zh", "en"}


def resolve_language() -> str:
    """``?lang=``, else the session's language, else the browser's, else zh_CN."""
    requested = st.query_params.get(LANG_KEY)
    if supported(requested):
        return i18n.normalize_locale(requested)
    if st.session_state.get(LANG_KEY) in LOCALES:
        return st.session_state[LANG_KEY]
    browser = getattr(st.context, "locale", None)
    if supported(browser):
        return i18n.normalize_locale(browser)
    return DEFAULT_LOCALE


def _switch_language() -> None:
    """Callback of the language switch: runs before the rerun, so the new run sees the new ``?lang=``."""
    choice = st.session_state.get(SWITCH_KEY)
    if choice in LOCALES:
        st.session_state[LANG_KEY] = choice
        st.query_params[LANG_KEY] = choice


_FROZEN = {"modules": 0}  # how many modules were imported at the last freeze


def _freeze_imported_objects() -> None:
    """Move every object alive after the imports out of the garbage collector's sight.

    The site's imports (pandas, Altair and its JSON schema, the engine) leave millions of long-lived objects;
    each full collection walks all of them, and that walk lands in visitors' reruns. ``gc.freeze`` (Python
    3.7+) takes them out of the collections; it is redone only when new modules were imported.
    """
    if len(sys.modules) != _FROZEN["modules"]:
        gc.collect()
        gc.freeze()
        _FROZEN["modules"] = len(sys.modules)


def frame(page_title_msgid: str) -> Page:
    """Set up the page in the visitor's language and draw what every page shares; return the Page."""
    _freeze_imported_objects()
    lang = resolve_language()
    st.session_state[LANG_KEY] = lang
    if st.query_params.get(LANG_KEY) != lang:
        st.query_params[LANG_KEY] = lang
    page = Page(lang, load_translations(lang), kiosk=kiosk.active())
    _ = page._
    title = _(SITE_NAME) if page_title_msgid == SITE_NAME else f"{_(page_title_msgid)} · {_(SITE_NAME)}"
    st.set_page_config(
        page_title=title, page_icon=str(FAVICON),
        layout="centered", initial_sidebar_state="collapsed" if page.kiosk else "auto",
    )
    _set_document_language(page)
    st.html(STYLESHEET)  # a stylesheet alone goes to the page's event container: it takes no space
    if page.kiosk:
        kiosk.setup(page)
    _navigation(page)
    _language_switch(page)
    _banner(page)
    return page


def _set_document_language(page: Page) -> None:
    """Set ``<html lang>`` so screen readers speak, and browsers pick glyphs for, the right language."""
    script = f"<script>document.documentElement.lang = {json.dumps(page.html_lang)};</script>"
    with st.sidebar:
        st.html(script, unsafe_allow_javascript=True)


def _navigation(page: Page) -> None:
    _ = page._
    with st.sidebar:
        # TRANSLATORS: heading of the list of pages in the sidebar.
        heading = _("Pages")
        st.markdown(f"**{fmt.md_escape(heading)}**")
        for script, label, page_icon in PAGES:
            st.page_link(script, label=_(label), icon=page_icon, query_params=page.query)


def _language_switch(page: Page) -> None:
    st.session_state[SWITCH_KEY] = page.lang
    with st.container(horizontal=True, horizontal_alignment="distribute" if page.kiosk else "right",
                      vertical_alignment="center", key="top_bar"):
        if page.kiosk:  # no sidebar in kiosk mode: the way home is a big button
            script, label, home_icon = PAGES[0]
            st.page_link(script, label=page._(label), icon=home_icon, query_params=page.query)
        st.segmented_control(
            # TRANSLATORS: label of the language switch; it is hidden on screen and read by screen readers.
            page._("Language"), LOCALES, format_func=LANGUAGE_NAMES.__getitem__, key=SWITCH_KEY,
            required=True, on_change=_switch_language, label_visibility="collapsed",
        )


def policy_title(page: Page) -> str:
    """The policy's title in the page's language (the unofficial English rendering in English)."""
    if page.lang == "zh_CN":
        return POLICY_TITLE_ZH
    return english_rendering()["title"]


def period_text(page: Page) -> str:
    # TRANSLATORS: {start} and {end} are dates written out, such as "July 1, 2018".
    return page._("In force from {start} to {end}").format(
        start=fmt.date_text(IN_FORCE_FROM, page.lang), end=fmt.date_text(IN_FORCE_UNTIL, page.lang))


def _banner(page: Page) -> None:
    """Which policy this is, when it was in force, and who decides."""
    _ = page._
    title = policy_title(page)
    quoted = f"《{title}》" if page.lang == "zh_CN" else f"“{title}”"
    with st.container(border=True, key="policy_banner"):
        st.markdown(f"**{fmt.md_escape(POLICY_ID)}** {fmt.md_escape(quoted)}  \n{fmt.md_escape(period_text(page))}")
        st.caption(fmt.md_escape(_(
            "Unofficial self-service tool: the official text and the county human resources and social "
            "security bureau (人力资源和社会保障局) decide. Hotline 12333."
        )))
        if has_ended(date.today()):
            st.warning(fmt.md_escape(ended_text(page)), icon=":material/event_busy:")


# The words every page shows once the policy has ended (today is after its last day).
ENDED = N_(
    "This policy ended on {end}: applications under it are closed. What this site shows is what the policy offered while "
    "it was in force. For help today, ask the county human resources and social security bureau "
    "(人力资源和社会保障局) or call 12333; later rules, such as 宁党发〔2021〕15号, are not covered by this site."
)


def ended_text(page: Page) -> str:
    return page._(ENDED).format(end=fmt.date_text(IN_FORCE_UNTIL, page.lang))
