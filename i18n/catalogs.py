"""Catalog upkeep and checks: ``python -m i18n.catalogs fill-en|translate LOCALE FILE.json|check``.

English msgids are the English text, so ``fill-en`` copies each msgid into the en catalog's
empty msgstr. ``translate zh_CN FILE.json`` sets the msgstr of each msgid in a JSON object
(``{"msgid": "译文"}``, or ``{"msgid": ["单数", "复数"]}`` for plurals) and names the msgids the
catalog does not have. ``check`` lists every untranslated or fuzzy entry of both catalogs and every
message in the template that a catalog lacks; it exits 1 if there is any.
"""

from __future__ import annotations

import json
import sys

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from i18n import CATALOG_DIR, LOCALES, po_path


def load(path, locale: str | None = None) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle, locale=locale)


def save(path, catalog: Catalog) -> None:
    with open(path, "wb") as handle:
        write_po(handle, catalog, omit_header=True, sort_by_file=True, no_location=True)


def translate(locale: str, source: str) -> int:
    """Set translations from a JSON file of ``{msgid: msgstr}``; exit 1 naming msgids the catalog lacks."""
    with open(source, encoding="utf-8") as handle:
        wanted = json.load(handle)
    path = po_path(locale)
    catalog = load(path, locale)
    unknown = []
    for msgid, text in wanted.items():
        entry = next((m for m in catalog if m.id == msgid or (isinstance(m.id, tuple) and m.id[0] == msgid)), None)
        if entry is None:
            unknown.append(msgid)
            continue
        entry.string = tuple(text) if isinstance(entry.id, tuple) else text
        entry.flags.discard("fuzzy")
    save(path, catalog)
    for msgid in unknown:
        print(f"{locale}: no msgid {msgid!r} (run make i18n first?)")
    return 1 if unknown else 0


def fill_english() -> int:
    path = po_path("en")
    catalog = load(path)
    for message in catalog:
        if isinstance(message.id, tuple) and not all(message.string or ()):
            message.string = message.id  # singular and plural, as written
        elif message.id and not message.string:
            message.string = message.id
        if message.id:
            message.flags.discard("fuzzy")
    save(path, catalog)
    return 0


def problems() -> list[str]:
    """Untranslated, fuzzy or missing entries of every catalog, one line each."""
    template = load(CATALOG_DIR / "messages.pot")
    found: list[str] = []
    for locale in LOCALES:
        catalog = load(po_path(locale), locale)
        for message in template:
            if not message.id:
                continue
            entry = catalog.get(message.id, message.context)
            if entry is None:
                found.append(f"{locale}: missing {message.id!r}")
            elif "fuzzy" in entry.flags:
                found.append(f"{locale}: fuzzy {message.id!r}")
            elif not (all(entry.string[:catalog.num_plurals]) if isinstance(entry.string, tuple) else entry.string):
                found.append(f"{locale}: untranslated {message.id!r}")
    return found


def main(argv: list[str]) -> int:
    if argv[:1] == ["fill-en"]:
        return fill_english()
    if argv[:1] == ["translate"] and len(argv) == 3:
        return translate(argv[1], argv[2])
    found = problems()
    print("\n".join(found) if found else "catalogs complete")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
