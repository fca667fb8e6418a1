"""The command line: ``python -m engine evaluate|schema|batch``.

Bad input exits with status 2 and one line on stderr naming the field; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

import pandas as pd

from engine.batch import evaluate_batch
from engine.evaluate import evaluate
from engine.profile import FIELDS, SECTIONS, ProfileError, json_schema, parse_date, profile_date
from engine.roster import RosterError, parse_roster, read_table
from i18n import LOCALES


class UsageError(Exception):
    """Bad command-line input, reported in one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m engine", description="Rules engine of 宁政办规发〔2018〕9号")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = commands.add_parser("evaluate", help="evaluate one profile (JSON)")
    run.add_argument("profile", help="profile JSON file, or - for standard input")
    run.add_argument("--date", help="assessment date YYYY-MM-DD (default: the profile's date, else today)")
    run.add_argument("--lang", default="zh_CN", choices=LOCALES)
    commands.add_parser("schema", help="print the JSON Schema of a profile")
    batch = commands.add_parser("batch", help="evaluate a roster of persons (CSV or XLSX)")
    batch.add_argument("roster")
    batch.add_argument("--date", required=True)
    batch.add_argument("--out", required=True)
    return parser


def _read_json(source: str) -> object:
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        raise UsageError(f"{source}: cannot read file ({error.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{source}: not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"{source}: invalid JSON at line {error.lineno} column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise UsageError(f"{source}: the JSON is nested too deeply") from None
    except ValueError:  # an integer of more than 4,300 digits
        raise UsageError(f"{source}: a number in the JSON is too long") from None


def cmd_evaluate(args: argparse.Namespace) -> None:
    profile = _read_json(args.profile)
    if not isinstance(profile, dict):
        raise ProfileError("profile", "must be a JSON object")
    on = parse_date(args.date, "--date") if args.date else (profile_date(profile) or date.today())
    json.dump(evaluate(profile, on, lang=args.lang), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_batch(args: argparse.Namespace) -> None:
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
    pd.concat([table, results], axis=1).to_csv(args.out, index=False)


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "evaluate":
            cmd_evaluate(args)
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
