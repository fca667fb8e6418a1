"""Numbers, money, dates and safe text for the pages, in the visitor's language (Babel).

The babel locales are the engine's (``engine.messages.BABEL_LOCALES``), so a page and the
engine's own messages write the same amount the same way.
"""

from __future__ import annotations

import html
import re
from datetime import date

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

from engine import messages
from engine.messages import BABEL_LOCALES, money_text
from i18n import normalize_locale

# Every ASCII punctuation mark may be backslash-escaped in CommonMark; these are the ones
# Markdown, Streamlit's LaTeX ($) and its directives (:red[...], :material/...:) could act on.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:])")
WORD_JOINER = "\u2060"
# Where an autolink would start: a scheme before its colon (http:, https:, ftp:, mailto:, xmpp:), "www"
# before its dot, and the "@" of an e-mail address.
_AUTOLINK_START = re.compile(r"(?i)(?:https?|ftp|mailto|xmpp)(?=:)|www(?=\.)|@")

# HTML `lang` values of the supported locales.
HTML_LANG = {"zh_CN": "zh-CN", "en": "en"}


def babel_locale(lang: str) -> str:
    """The Babel locale that formats for ``lang`` ("zh_CN" → "zh_Hans_CN")."""
    return BABEL_LOCALES[normalize_locale(lang)]


def html_lang(lang: str) -> str:
    """The value of an HTML ``lang`` attribute for ``lang`` ("zh_CN" → "zh-CN")."""
    return HTML_LANG[normalize_locale(lang)]


def money(amount: float, lang: str) -> str:
    """An amount of yuan, as the engine writes it in sentences: ``800元`` / ``6万元`` / ``800 yuan``."""
    return money_text(amount, lang)


def number(value: float, lang: str) -> str:
    """A plain number with the language's grouping (``12,000``)."""
    return format_decimal(value, locale=babel_locale(lang))


def sentences(parts, lang: str) -> str:
    """Sentences one after another: a space between them in English, none in Chinese."""
    return messages.sentences(parts, lang)


def bracketed(text: str, note: str, lang: str) -> str:
    """``text`` with a note in brackets: full-width in Chinese ("月数（个月）"), "months (months)" in English."""
    return f"{text}（{note}）" if normalize_locale(lang) == "zh_CN" else f"{text} ({note})"


def with_colon(label: str, lang: str) -> str:
    """A label before what it names: "Where to apply:" / "办理地点："."""
    return f"{label}：" if normalize_locale(lang) == "zh_CN" else f"{label}:"


def bold_label(label: str, lang: str) -> str:
    """A label in bold before what it names, as Markdown: "**Where to apply:** " / "**办理地点**：". In Chinese the
    colon stays outside the bold: "**办理地点：**西吉县" is not closed (a closing ``**`` after a full-width colon and
    before a letter is not right-flanking), and the asterisks would show."""
    if normalize_locale(lang) == "zh_CN":
        return f"**{md_escape(label)}**："
    return f"**{md_escape(label)}:** "


def after_colon(lang: str) -> str:
    """What comes between :func:`with_colon` and the text: a space in English, nothing after a full-width colon."""
    return "" if normalize_locale(lang) == "zh_CN" else " "


def words(items: list[str], lang: str) -> str:
    """Items joined as the language joins a list: "A, B, and C" / "A、B和C"."""
    return format_list(items, locale=babel_locale(lang)) if items else ""


def date_text(day: date, lang: str) -> str:
    """A date written out: ``2018年7月1日`` / ``1 July 2018``."""
    return format_date(day, format="long", locale=babel_locale(lang))


def md_escape(text: str) -> str:
    """Text from data, made safe to pass to ``st.markdown``: it shows as written, never as markup.

    Backslashes stop markup but not GitHub's autolinks, which Streamlit's markdown makes of any "http://…",
    "www.…" or "name@host" in plain text: a word joiner (U+2060, invisible) is put where each would start,
    so a link in a roster's cell or header shows as text and cannot be clicked."""
    text = _AUTOLINK_START.sub(lambda found: found.group(0) + WORD_JOINER, str(text))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def html_escape(text: str) -> str:
    """Text from data, made safe to put inside HTML."""
    return html.escape(str(text))
