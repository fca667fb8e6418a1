"""Translation catalogs of the site (Babel gettext, zh_CN default and en).

The catalogs are read from the ``.po`` files at first use and kept in memory for the
process; nothing is compiled to disk. One process serves every visitor, so nothing here
installs a global language: callers ask for the translator of the language they need.
"""

from __future__ import annotations

import contextlib
import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES: tuple[str, ...] = ("zh_CN", "en")
DEFAULT_LOCALE = "zh_CN"
CATALOG_DIR = Path(__file__).resolve().parent
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it (translated later, per visitor)."""
    return message


def normalize_locale(value: str | None) -> str:
    """Map what a visitor or a browser sends ("en-US", "zh-CN", "zh") to a supported locale."""
    if not value:
        return DEFAULT_LOCALE
    text = str(value).strip().replace("-", "_").lower()
    if text.startswith("en"):
        return "en"
    if text.startswith("zh"):
        return "zh_CN"
    return DEFAULT_LOCALE


def po_path(locale: str) -> Path:
    return CATALOG_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=len(LOCALES))
def translations(locale: str) -> Translations:
    """The translations of one supported locale, loaded once per process."""
    locale = normalize_locale(locale)
    # Babel prints parse warnings on standard output; keep them out of the command line's JSON.
    with po_path(locale).open("rb") as handle, contextlib.redirect_stdout(io.StringIO()):
        catalog = read_po(handle, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def gettext(locale: str, message: str) -> str:
    return translations(locale).gettext(message)


def ngettext(locale: str, singular: str, plural: str, n: int) -> str:
    return translations(locale).ngettext(singular, plural, n)


def pgettext(locale: str, context: str, message: str) -> str:
    return translations(locale).pgettext(context, message)


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for extraction (``-k Nn_:1,2``); translated later, per visitor."""
    return singular, plural
