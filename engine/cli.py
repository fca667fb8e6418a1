"""The command line: ``python -m engine evaluate|compare|schema|batch``.

``evaluate`` and ``compare`` read one profile (JSON) or many (JSON Lines: a ``.jsonl`` or ``.ndjson`` file, or
``--lines``), one a line, each with its own ``date`` if it has one, and print a result a line. Bad input
exits with status 2 and one line on stderr naming the field (and, for JSON Lines, the line); never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from engine.evaluate import evaluate
from engine.profile import (
    FIELDS,
    SECTIONS,
    ProfileError,
    RosterError,
    flatten,
    json_schema,
    parse_date,
    profile_date,
)
from i18n import LOCALES


class UsageError(Exception):
    """Bad command-line input, reported in one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m engine", description="Rules engine of 宁政办规发〔2018〕9号")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, text in (("evaluate", "evaluate a profile: every benefit, its steps, as JSON"),
                       ("compare", "the 'where to work' comparison of a resident's profile, as a JSON array")):
        run = commands.add_parser(name, help=text)
        run.add_argument("profile", help="profile JSON file, JSON Lines file (.jsonl: a profile a line), or - for "
                                         "standard input")
        run.add_argument("--date", help="assessment date YYYY-MM-DD (default: the profile's date, else today)")
        run.add_argument("--lang", default="zh_CN", choices=LOCALES)
        run.add_argument("--lines", action="store_true", help="read JSON Lines whatever the file's name")
    commands.add_parser("schema", help="print the JSON Schema of a profile")
    batch = commands.add_parser("batch", help="evaluate a roster of persons (CSV or XLSX)")
    batch.add_argument("roster")
    batch.add_argument("--date", required=True)
    batch.add_argument("--out", required=True)
    return parser


def _read_bytes(source: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        raise UsageError(f"{source}: cannot read file ({error.strerror})") from None


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{source}: not UTF-8 text") from None


def _parse_json(text: str, source: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"{source}: invalid JSON at line {error.lineno} column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise UsageError(f"{source}: the JSON is nested too deeply") from None
    except ValueError:  # an integer of more than 4,300 digits
        raise UsageError(f"{source}: a number in the JSON is too long") from None


def _read_json(source: str) -> object:
    return _parse_json(_decode(_read_bytes(source), source), source)


def _is_lines(args: argparse.Namespace) -> bool:
    return args.lines or Path(args.profile).suffix.lower() in (".jsonl", ".ndjson")


def _profiles(args: argparse.Namespace) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, profile) for each profile of the input: one JSON object, or one a line of JSON Lines.

    ``where`` prefixes an error: the file, and for JSON Lines the line. Blank lines are skipped.
    """
    if not _is_lines(args):
        profile = _read_json(args.profile)
        if not isinstance(profile, dict):
            raise ProfileError("profile", "must be a JSON object")
        yield "", profile
        return
    stream = sys.stdin.buffer if args.profile == "-" else _open(args.profile)
    try:
        for number, raw in enumerate(stream, start=1):
            where = f"line {number}"
            text = _decode(raw, where).strip()
            if not text:
                continue
            profile = _parse_json(text, where)
            if not isinstance(profile, dict):
                raise UsageError(f"{where}: profile: must be a JSON object")
            yield where, profile
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _open(source: str):
    try:
        return Path(source).open("rb")  # closed by the generator that reads it
    except OSError as error:
        raise UsageError(f"{source}: cannot read file ({error.strerror})") from None


def _each(args: argparse.Namespace, answer: Callable[[dict[str, Any], date], object]) -> None:
    """``answer(profile, date)`` for each profile, printed as JSON (indented for one, a line each for many).

    Every profile is checked before anything is printed: a bad line exits 2 with nothing on standard output.
    """
    given = parse_date(args.date, "--date") if args.date else None
    checked = []
    for where, profile in _profiles(args):
        try:
            flatten(profile)
            checked.append((profile, given or profile_date(profile) or date.today()))
        except ProfileError as error:
            raise UsageError(f"{where}: {error}" if where else str(error)) from None
    lines = _is_lines(args)
    for profile, on in checked:
        out = answer(profile, on)
        if lines:
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        else:
            json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")


def cmd_evaluate(args: argparse.Namespace) -> None:
    _each(args, lambda profile, on: evaluate(profile, on, lang=args.lang))


def cmd_compare(args: argparse.Namespace) -> None:
    from engine.scenarios import compare  # noqa: PLC0415 - only this command needs it

    _each(args, lambda profile, on: compare(_person(profile), on, lang=args.lang))


def _person(profile: dict[str, Any]) -> dict[str, Any]:
    """The person's facts by dotted name (the comparison is a resident's)."""
    return {name: value for name, value in flatten(profile).items() if name.startswith("person.")}


def cmd_batch(args: argparse.Namespace) -> None:
    # pandas, openpyxl and calamine for this command alone: evaluate and schema start without them (issue 15).
    import pandas as pd  # noqa: PLC0415

    from engine.batch import evaluate_batch  # noqa: PLC0415
    from engine.roster import neutralise_frame, parse_roster, read_table  # noqa: PLC0415

    on = parse_date(args.date, "--date")
    try:
        data = Path(args.roster).read_bytes()
    except OSError as error:
        raise UsageError(f"{args.roster}: cannot read file ({error.strerror})") from None
    table = read_table(data, args.roster)
    unknown = [c for c in table.columns if c.split(".", 1)[0] in SECTIONS and c not in FIELDS]
    if unknown:
        raise UsageError(f"column {unknown[0]}: unknown field")
    facts, errors = parse_roster(table)
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise UsageError(f"row {first.row}, column {first.column}: {first.problem}{more}")
    results = evaluate_batch(facts, on)
    # The roster's own cells go back out: neutralised as the site's downloads are ("=HYPERLINK(…)" as text).
    neutralise_frame(pd.concat([table, results], axis=1)).to_csv(args.out, index=False)


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "evaluate":
            cmd_evaluate(args)
        elif args.command == "compare":
            cmd_compare(args)
        elif args.command == "schema":
            json.dump(json_schema(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            cmd_batch(args)
    except (UsageError, ProfileError, RosterError) as error:
        print(f"error: {one_line(str(error))}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: {one_line(str(error.strerror or error))}", file=sys.stderr)
        return 2
    return 0


# Every character str.splitlines() breaks a line at, written as an escape so an error stays one line.
_LINE_BREAKS = {ord(c): c.encode("unicode_escape").decode("ascii") for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


def one_line(text: str) -> str:
    """``text`` with its line breaks escaped (a field name may hold one)."""
    return text.translate(_LINE_BREAKS)
