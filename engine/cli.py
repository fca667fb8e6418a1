"""The command line: ``python -m engine evaluate|compare|schema|batch``.

``evaluate`` and ``compare`` read one profile (JSON) or many (JSON Lines: a ``.jsonl`` or ``.ndjson`` file, or
``--lines``), one a line, each with its own ``date`` if it has one, and print a result a line. Bad input
exits with status 2 and one line on stderr naming the field (and, for JSON Lines, the line); never a traceback.
Every message it prints is in the language of ``--lang`` (zh_CN unless told): its own, the profile's and the
roster's errors, and argparse's.
"""

from __future__ import annotations

import argparse
import errno
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import i18n
from engine.evaluate import evaluate
from engine.messages import Message, format_param, plural_count, render
from engine.profile import ProfileError, flatten, json_schema, parse_date, profile_date
from engine.roster.errors import RosterError
from i18n import DEFAULT_LOCALE, LOCALES, N_, Nn_

ERROR = N_("error: {problem}")
CANNOT_READ = N_("{source}: cannot read file ({reason})")
NOT_UTF8 = N_("{source}: not UTF-8 text")
BAD_JSON = N_("{source}: invalid JSON at line {line} column {column}")
TOO_DEEP = N_("{source}: the JSON is nested too deeply")
TOO_LONG_NUMBER = N_("{source}: a number in the JSON is too long")
AT_LINE = N_("line {number}")
WHERE = N_("{where}: {problem}")
FIELD_PROBLEM = N_("{field}: {problem}")
PERSONS_ONLY = N_("--summary and --benefit are for a roster of persons (--kind persons)")
NOT_A_BENEFIT = N_("--benefit {name}: not a person-level benefit; one of {names}")
BAD_CELL = N_("row {row}, column {column}: {problem}; nothing was written (--errors FILE.csv lists every bad cell "
              "and goes on with them unknown)")
BAD_CELLS = Nn_("row {row}, column {column}: {problem} (and {more} more); nothing was written (--errors FILE.csv "
                "lists every bad cell and goes on with them unknown)",
                "row {row}, column {column}: {problem} (and {more} more); nothing was written (--errors FILE.csv "
                "lists every bad cell and goes on with them unknown)")
CELLS_WRITTEN = Nn_("{count} bad cell, written to {path}; that cell was taken as unknown",
                    "{count} bad cells, written to {path}; those cells were taken as unknown")
# What the system says of a file it cannot read, by its error number; another reason is said as the system says it.
OS_REASONS = {
    errno.ENOENT: N_("no such file"),
    errno.EACCES: N_("permission denied"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOSPC: N_("no space left on the disk"),
}
# TRANSLATORS: argparse's own messages of a command line it cannot read; keep each %s, %(name)s and %(name)r.
ARGPARSE_MESSAGES = (
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
)


class UsageError(Exception):
    """Bad command-line input, reported in one line: ``message`` an English msgid (or a singular and plural pair
    whose form follows the parameter named ``plural_by``) with named ``params``, which may themselves be messages or
    errors said in the same language; ``str(error)`` is the English text."""

    def __init__(self, message: str | tuple[str, str], plural_by: str | None = None, **params: Any) -> None:
        self.message, self.plural = (message, None) if isinstance(message, str) else message
        self.count, self.params = plural_by, params
        super().__init__(text_of(self, "en"))


def text_of(error: UsageError | ProfileError | RosterError | OSError, lang: str) -> str:
    """What went wrong, in ``lang``."""
    if isinstance(error, OSError):
        reason = OS_REASONS.get(error.errno)
        return i18n.gettext(lang, reason) if reason else str(error.strerror or error)
    if isinstance(error, ProfileError):
        problem = i18n.gettext(lang, error.message).format(**error.params)
        return i18n.gettext(lang, FIELD_PROBLEM).format(field=error.field, problem=problem)
    plural, count = error.plural, error.count
    if plural is not None:
        template = i18n.ngettext(lang, error.message, plural, plural_count(error.params[count]))
    else:
        template = i18n.gettext(lang, error.message)
    return template.format(**{key: _said(key, value, lang) for key, value in error.params.items()})


def _said(key: str, value: Any, lang: str) -> str:
    if isinstance(value, UsageError | ProfileError | RosterError | OSError):
        return text_of(value, lang)
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_param(key, value, lang)
    return str(value)


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
    batch = commands.add_parser(
        "batch", help="check every row of a roster (CSV, XLSX or Parquet, any size) and write it back with its "
                      "results")
    batch.add_argument("roster", help="the roster file: .csv (UTF-8 or GBK), .xlsx or .parquet")
    batch.add_argument("--date", required=True, help="assessment date YYYY-MM-DD")
    batch.add_argument("--out", required=True, help="the output file: .csv, .xlsx or .parquet (by its ending)")
    batch.add_argument("--kind", default="persons", choices=("persons", "workers", "students", "placements"),
                       help="persons: a registry whose headers are fact names (person.job.months …), every "
                            "person-level benefit; workers, students, placements: the site's roster templates, "
                            "checked as the employer, institution and broker pages check them")
    batch.add_argument("--lang", default="zh_CN", choices=LOCALES, help="language of problems, results and summary")
    batch.add_argument("--errors", metavar="FILE.csv",
                       help="write each bad cell here (row, column, problem) and go on with those cells unknown; "
                            "without it, a bad cell stops the run (exit 2) and nothing is written")
    batch.add_argument("--benefit", action="append", metavar="NAME", dest="benefits",
                       help="only this person-level benefit (repeat for more; default: all), e.g. "
                            "transport_subsidy")
    batch.add_argument("--summary", action="store_true",
                       help="print counts and amounts by benefit, fund and county (persons)")
    return parser


def _read_bytes(source: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        raise UsageError(CANNOT_READ, source=source, reason=error) from None


def _decode(data: bytes, source: str | Message) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(NOT_UTF8, source=source) from None


def _parse_json(text: str, source: str | Message) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(BAD_JSON, source=source, line=str(error.lineno), column=str(error.colno)) from None
    except RecursionError:
        raise UsageError(TOO_DEEP, source=source) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise UsageError(TOO_LONG_NUMBER, source=source) from None


def _read_json(source: str) -> object:
    return _parse_json(_decode(_read_bytes(source), source), source)


def _is_lines(args: argparse.Namespace) -> bool:
    return args.lines or Path(args.profile).suffix.lower() in (".jsonl", ".ndjson")


def _profiles(args: argparse.Namespace) -> Iterator[tuple[Message | None, dict[str, Any]]]:
    """(where, profile) for each profile of the input: one JSON object, or one a line of JSON Lines.

    ``where`` prefixes an error: the file, and for JSON Lines the line. Blank lines are skipped.
    """
    if not _is_lines(args):
        profile = _read_json(args.profile)
        if not isinstance(profile, dict):
            raise ProfileError("profile", N_("must be a JSON object"))
        yield None, profile
        return
    stream = sys.stdin.buffer if args.profile == "-" else _open(args.profile)
    try:
        for number, raw in enumerate(stream, start=1):
            where = Message(AT_LINE, {"number": str(number)})
            text = _decode(raw, where).strip()
            if not text:
                continue
            profile = _parse_json(text, where)
            if not isinstance(profile, dict):
                raise UsageError(WHERE, where=where, problem=ProfileError("profile", N_("must be a JSON object")))
            yield where, profile
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _open(source: str):
    try:
        return Path(source).open("rb")  # closed by the generator that reads it
    except OSError as error:
        raise UsageError(CANNOT_READ, source=source, reason=error) from None


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
            if where is None:
                raise
            raise UsageError(WHERE, where=where, problem=error) from None
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
    from engine.roster import batch  # noqa: PLC0415 - pandas and the roster code only for this command

    on = parse_date(args.date, "--date")
    if (args.summary or args.benefits) and args.kind != "persons":
        raise UsageError(PERSONS_ONLY)
    from engine.rules import PERSON_RULES  # noqa: PLC0415

    unknown = [name for name in args.benefits or () if name not in PERSON_RULES]
    if unknown:
        raise UsageError(NOT_A_BENEFIT, name=unknown[0], names=", ".join(PERSON_RULES))
    if not Path(args.roster).is_file():
        raise UsageError(CANNOT_READ, source=args.roster, reason=OSError(errno.ENOENT, "no such file"))
    with _progress() as advance:
        report = batch.run(args.roster, args.out, on, kind=args.kind, lang=args.lang, errors=args.errors,
                           summary=args.summary, benefits=args.benefits, progress=advance)
    if report.bad_cells and args.errors is None:
        from engine.roster.check import problem_text  # noqa: PLC0415 - the problems' words

        first = report.first_error
        cell = {"row": str(first.row), "column": first.column, "problem": problem_text(first, args.lang)}
        if report.bad_cells > 1:
            raise UsageError(BAD_CELLS, plural_by="more", more=report.bad_cells - 1, **cell)
        raise UsageError(BAD_CELL, **cell)
    if report.bad_cells:
        written = UsageError(CELLS_WRITTEN, plural_by="count", count=report.bad_cells, path=args.errors)
        print(one_line(text_of(written, args.lang)), file=sys.stderr)
    if args.summary:
        from engine.roster.budget import summary_text  # noqa: PLC0415

        sys.stdout.write(summary_text(batch.totals(report), report.rows, on.isoformat(), args.lang))


@contextmanager
def _progress() -> Iterator[Callable[[int], None] | None]:
    """A progress bar of rows on standard error when it is a terminal; nothing otherwise (a script, a pipe)."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm  # noqa: PLC0415

    with tqdm(unit=" rows", file=sys.stderr, leave=False) as bar:
        yield bar.update


def chosen_language(argv: list[str]) -> str:
    """The language of ``--lang`` in the arguments, before they are read (an argument error is said in it too)."""
    for position, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            argv[position + 1] if arg == "--lang" and position + 1 < len(argv) else None)
        if value in LOCALES:
            return value
    return DEFAULT_LOCALE


@contextmanager
def _argparse_in(lang: str) -> Iterator[None]:
    """argparse's messages in ``lang`` while the arguments are read (they are its gettext calls)."""
    saved = argparse._
    argparse._ = lambda message: i18n.gettext(lang, message)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = saved  # type: ignore[attr-defined]


@contextmanager
def _exit_on_terminate() -> Iterator[None]:
    """SIGTERM (a service stopped, ``kill``) as an exit that runs the clean-up: ``batch`` then removes its partial
    output, which holds names and results (issue 27). Python's default for SIGTERM ends the process on the spot."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = chosen_language(argv)
    try:
        with _argparse_in(lang):
            args = build_parser().parse_args(argv)
        if args.command == "evaluate":
            cmd_evaluate(args)
        elif args.command == "compare":
            cmd_compare(args)
        elif args.command == "schema":
            json.dump(json_schema(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            with _exit_on_terminate():
                cmd_batch(args)
    except (UsageError, ProfileError, RosterError, OSError) as error:
        print(one_line(i18n.gettext(lang, ERROR).format(problem=text_of(error, lang))), file=sys.stderr)
        return 2
    return 0


# Every character str.splitlines() breaks a line at, written as an escape so an error stays one line.
_LINE_BREAKS = {ord(c): c.encode("unicode_escape").decode("ascii") for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


def one_line(text: str) -> str:
    """``text`` with its line breaks escaped (a field name may hold one)."""
    return text.translate(_LINE_BREAKS)
