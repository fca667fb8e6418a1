"""Both languages, always: every message in the code is translated, none fuzzy, in zh_CN and en."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from i18n import LOCALES, po_path

ROOT = Path(__file__).resolve().parents[1]


def _extract(tmp_path: Path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "pyproject.toml", "-k", "N_", "-k", "Nn_:1,2",
         "-c", "TRANSLATORS:", "--no-location", "--omit-header", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with pot.open("rb") as handle:
        return read_po(handle)


def test_every_message_in_the_code_is_translated_in_both_languages(tmp_path):
    template = _extract(tmp_path)
    problems = []
    for locale in LOCALES:
        with po_path(locale).open("rb") as handle:
            catalog = read_po(handle, locale=locale)
        for message in template:
            if not message.id:
                continue
            entry = catalog.get(message.id, message.context)
            text = entry.string if entry else None
            if entry is None or not (all(text[:catalog.num_plurals]) if isinstance(text, tuple) else text):
                problems.append(f"{locale}: untranslated {message.id!r}")
            elif entry.fuzzy:
                problems.append(f"{locale}: fuzzy {message.id!r}")
    assert not problems, "\n".join(problems[:40]) + f"\n… {len(problems)} in all; run make i18n"


def test_placeholders_survive_translation():
    """A translation keeps exactly the named placeholders of its msgid."""
    field = re.compile(r"\{(\w+)\}")
    for locale in LOCALES:
        with po_path(locale).open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if message.id and message.string and isinstance(message.id, str):
                assert set(field.findall(message.id)) == set(field.findall(message.string)), (
                    locale, message.id)


# Placeholders that hold how many of something there are.
COUNT_NAMES = ("count", "months", "rows", "cells", "hires", "semesters", "placements", "shown", "students", "years")
COUNT_BEFORE_A_WORD = re.compile(r"\{(?:" + "|".join(COUNT_NAMES) + r")\} [a-z]")
# Singular msgids that write a count before a word and still need no plural form, each with the reason.
NO_PLURAL_NEEDED = {
    # "3 can apply": the word after the number is a verb (the persons are not named), the same for one or many.
    "{count} can apply, amount not known to the site",
    # "as far as row 900 and column 40": positions in the sheet (a row number, a column number), not how many.
    "The first sheet has filled cells as far as row {rows} and column {columns}: far more than a roster fills. "
    "Delete what is below and to the right of the roster (or save it as CSV) and upload it again.",
    # {rows} is the site's limit on a roster (engine.roster.files.MAX_ROWS, 100,000), never one.
    "CSV (UTF-8, or GBK as Excel in China saves it) or XLSX; at most {size} MB and {rows} rows; the first sheet of a "
    "workbook is read. The file is checked in memory: it is not saved, logged or kept after you leave the page.",
    "What hiring registered poor workers (建档立卡贫困劳动力) brings an employer, a workshop or an incubation park under "
    "this policy, and which of your workers already count. Rosters of up to {rows} workers are checked in seconds.",
}


def test_every_english_count_has_a_plural_form(tmp_path):
    """"1 months", "1 qualifying hires" (issue 17): a message that writes a count before a noun is a singular and
    plural pair (``Nn_``, ``ngettext``), so English picks "1 month" or "2 months"."""
    singular = {message.id for message in _extract(tmp_path) if isinstance(message.id, str)}
    found = sorted(text for text in singular if COUNT_BEFORE_A_WORD.search(text) and text not in NO_PLURAL_NEEDED)
    assert not found, "a count without a plural form:\n" + "\n".join(found)
    assert singular >= NO_PLURAL_NEEDED, f"no longer in the code: {sorted(NO_PLURAL_NEEDED - singular)}"


def test_no_message_hides_inside_an_f_string():
    """Babel cannot extract ``_("…")`` written inside an f-string on Python 3.11: such text stays English."""
    hidden = []
    for path in [*ROOT.glob("*.py"), *ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), *ROOT.glob("engine/**/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    literal = isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Constant)
                    if literal and getattr(call.func, "id", None) in {"_", "N_", "gettext"}:
                        hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not hidden, hidden


def _glossary() -> dict:
    import tomllib  # noqa: PLC0415

    return tomllib.loads((ROOT / "i18n" / "glossary.toml").read_text(encoding="utf-8"))


def _translations(locale: str):
    with po_path(locale).open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    for message in catalog:
        if message.id:
            texts = message.string if isinstance(message.string, tuple) else (message.string,)
            yield message.id, [text for text in texts if text]


def forbidden_in(text: str, words: dict[str, str]) -> list[str]:
    return [word for word in words if word in text]


def test_no_translation_uses_a_word_the_glossary_forbids():
    """领取, 能领 … promise money or a post the county has not granted; 再就业 means re-employment after losing a
    job (issue 17). The glossary says why and what to write."""
    for locale, words in _glossary().items():
        found = [(word, msgid) for msgid, texts in _translations(locale) for text in texts
                 for word in forbidden_in(text, words.get("forbidden", {}))]
        assert not found, "\n".join(f"{locale}: {word!r} in the translation of {msgid!r}" for word, msgid in found)


def test_chinese_text_uses_full_width_brackets():
    """（周岁）, not (周岁): ASCII brackets around Chinese words in a Chinese sentence."""
    ascii_around_chinese = re.compile(r"\([^()]*[\u4e00-\u9fff][^()]*\)")
    found = [msgid for msgid, texts in _translations("zh_CN") for text in texts if ascii_around_chinese.search(text)]
    assert not found, found


def test_the_glossary_checks_can_fail():
    """The translations this issue found (issue 17) are each caught; the fixed ones are not."""
    words = _glossary()["zh_CN"]["forbidden"]
    for was in ("暂时还不能领取补贴", "按{policy}您可以享受的扶持", "再就业{months_more}个月", "金额未公布"):
        assert forbidden_in(was, words), was
    for now in ("暂时还不能申请补贴", "按{policy}您可以申请的扶持", "在该岗位再干{months_more}个月", "本站暂无该金额"):
        assert not forbidden_in(now, words), now
