"""Catalog upkeep and checks: ``python -m i18n.catalogs fill-en|check``.

English msgids are the English text, so ``fill-en`` copies each msgid into the en catalog's
empty msgstr. ``check`` lists every untranslated or fuzzy entry of both catalogs and every
message in the template that a catalog lacks; it exits 1 if there is any.
"""

from __future__ import annotations

import sys

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from i18n import CATALOG_DIR, LOCALES, po_path


def load(path, locale: str | None = None) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle, locale=locale)


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
    with open(path, "wb") as handle:
        write_po(handle, catalog, omit_header=True, sort_by_file=True, no_location=True)
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
    found = problems()
    print("\n".join(found) if found else "catalogs complete")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
