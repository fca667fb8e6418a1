"""Both languages, always: every message in the code is translated, none fuzzy, in zh_CN and en."""

from __future__ import annotations

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
            catalog = read_po(handle)
        for message in template:
            if not message.id:
                continue
            entry = catalog.get(message.id, message.context)
            text = entry.string if entry else None
            if entry is None or not (all(text) if isinstance(text, tuple) else text):
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
