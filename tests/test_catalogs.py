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
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "pyproject.toml", "-k", "N_", "-c", "TRANSLATORS:",
         "--no-location", "--omit-header", "-o", str(pot), "."],
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
