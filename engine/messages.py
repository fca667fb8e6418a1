"""Translatable messages: the engine says things by English msgid and named parameters.

The engine marks strings with ``N_`` and never translates them itself; :func:`render` turns a
message into text in one language (used by the command line; pages translate the same way).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

import i18n

# Parameters that are amounts of money are shown as yuan; other numbers as plain numbers.
MONEY_PARAMS = frozenset({"amount", "increase", "monthly", "cover"})
# Parameters that are dates (ISO text in the JSON) are written out in the language.
DATE_PARAMS = frozenset({"start", "end", "date"})
BABEL_LOCALES = {"zh_CN": "zh_Hans_CN", "en": "en_GB"}  # British English: "1 July 2018"


@dataclass(frozen=True)
class Message:
    """A msgid and its parameters. With ``plural``, the form follows the parameter named ``count``.

    A parameter may itself be a list of messages (as dicts, :meth:`as_dict` without text): they are
    rendered and joined as the language joins a list ("A, B and C"; "A、B和C").
    """

    id: str
    params: dict[str, Any] = field(default_factory=dict)
    plural: str | None = None
    count: str | None = None

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "params": dict(self.params)}
        if self.plural:
            data["plural"], data["count"] = self.plural, self.count
        if lang:
            data["text"] = render(self, lang)
        return data


def msg(message_id: str, **params: Any) -> Message:
    return Message(message_id, params)


def from_dict(data: dict[str, Any]) -> Message:
    """The message of :meth:`Message.as_dict` (its text, if any, is dropped)."""
    return Message(data["id"], dict(data.get("params", {})), data.get("plural"), data.get("count"))


def format_param(key: str, value: Any, lang: str) -> str:
    locale = BABEL_LOCALES[i18n.normalize_locale(lang)]
    if isinstance(value, list):
        return format_list([render(from_dict(item), lang) for item in value], locale=locale)
    if key in DATE_PARAMS and isinstance(value, str):
        return format_date(date.fromisoformat(value), format="long", locale=locale)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return i18n.gettext(lang, value) if isinstance(value, str) and value else str(value)
    if key in MONEY_PARAMS:
        return money_text(value, lang)
    return format_decimal(value, locale=locale)


def money_text(amount: float, lang: str) -> str:
    """An amount of yuan, one style per language, in sentences and figures alike: the policy's own style in
    Chinese (800元, 6万元 for whole ten-thousands, 27,360元) and "800 yuan", "60,000 yuan" in English; cents
    only when the amount has a fraction (1,234.50 yuan)."""
    locale = BABEL_LOCALES[i18n.normalize_locale(lang)]
    pattern = "#,##0" if float(amount).is_integer() else "#,##0.00"
    if locale.startswith("zh"):
        if amount >= 10_000 and float(amount) % 10_000 == 0:
            return f"{format_decimal(amount / 10_000, format='#,##0', locale=locale)}万元"
        return f"{format_decimal(amount, format=pattern, locale=locale)}元"
    return f"{format_decimal(amount, format=pattern, locale=locale)} yuan"


def sentences(parts: Iterable[str], lang: str | None) -> str:
    """Sentences one after another: with a space in English, none in Chinese (its 。 ends a sentence)."""
    glue = "" if lang and i18n.normalize_locale(lang) == "zh_CN" else " "
    return glue.join(part for part in parts if part)


def plural_count(value: float) -> int:
    """The number that picks a plural form: a fraction other than a whole number takes the plural."""
    return int(value) if float(value).is_integer() else 2


# What a rule says: a msgid, or a singular and plural pair (``Nn_``) whose form follows its first parameter
# ("1 month so far", "2 months so far").
Text = str | tuple[str, str]


def message_of(text: Text, params: Mapping[str, Any]) -> Message:
    """``text`` with its values as a :class:`Message`; a plural pair's form follows its first parameter."""
    if isinstance(text, str):
        return Message(text, dict(params))
    found = re.search(r"\{(\w+)\}", text[0])
    if found is None:
        raise ValueError(f"a plural message needs a parameter: {text[0]!r}")
    return Message(text[0], dict(params), text[1], found.group(1))


def render(message: Message, lang: str) -> str:
    """The message in ``lang``, with its parameters formatted for that language."""
    if message.plural:
        template = i18n.ngettext(lang, message.id, message.plural, plural_count(message.params[message.count]))
    else:
        template = i18n.gettext(lang, message.id)
    values = {key: format_param(key, value, lang) for key, value in message.params.items()}
    return template.format(**values)
