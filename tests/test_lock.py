"""requirements.lock: what `make test` installs, pinned and hashed, agreeing with pyproject.toml and the venv."""

import os
import re
import shlex
import shutil
import subprocess
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


def parse_lock(text: str) -> dict[str, tuple[Requirement, list[str]]]:
    """Each entry of a requirements file: its requirement and its --hash options, by canonical name."""
    entries: dict[str, tuple[Requirement, list[str]]] = {}
    logical = re.sub(r"\\\n", " ", text)  # join continued lines
    for raw in logical.splitlines():
        line = re.sub(r"(^|\s)#.*", "", raw).strip()
        if not line:
            continue
        assert not line.startswith("-"), f"an option line in the lock: {line!r}"
        requirement, _, options = line.partition(" --")
        options = "--" + options if options else ""
        req = Requirement(requirement)
        name = canonicalize_name(req.name)
        assert name not in entries, f"{req.name} twice in the lock"
        entries[name] = (req, shlex.split(options))
    return entries


def pinned_version(req: Requirement) -> str:
    """The version of an `==` pin (one specifier, no wildcard, no URL); fails otherwise."""
    specs = list(req.specifier)
    pinned = req.url is None and len(specs) == 1 and specs[0].operator == "==" and "*" not in specs[0].version
    assert pinned, f"{req} is not pinned with =="
    return specs[0].version


def applies(req: Requirement) -> bool:
    return req.marker is None or req.marker.evaluate()


@pytest.fixture(scope="module")
def lock() -> dict[str, tuple[Requirement, list[str]]]:
    return parse_lock(LOCK.read_text(encoding="utf-8"))


def project_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


def test_parser_reads_a_pin_with_marker_and_hashes():
    text = "a==1.0 ; sys_platform == 'win32' \\\n    --hash=sha256:" + "0" * 64 + " \\\n    --hash=sha256:" + "1" * 64
    text += "\n    # via b\nB_c==2\n"
    entries = parse_lock(text)
    assert set(entries) == {"a", "b-c"}
    assert pinned_version(entries["a"][0]) == "1.0"
    assert str(entries["a"][0].marker) == 'sys_platform == "win32"'
    assert len(entries["a"][1]) == 2
    assert entries["b-c"][1] == []


def test_every_dependency_of_pyproject_is_pinned_in_the_lock_within_its_range(lock):
    requirements = project_requirements()
    assert any(canonicalize_name(r.name) == "pytest" for r in requirements)  # the test extra is read too
    for req in requirements:
        name = canonicalize_name(req.name)
        assert name in lock, f"{req.name} (pyproject.toml) is not in {LOCK.name}: run make lock"
        version = pinned_version(lock[name][0])
        assert req.specifier.contains(version, prereleases=True), (
            f"{LOCK.name} pins {req.name}=={version}, outside pyproject.toml's {req.specifier}: run make lock"
        )


def test_every_entry_of_the_lock_is_pinned_with_sha256_hashes(lock):
    assert len(lock) > 20  # the transitive packages are there, not only pyproject's
    for req, options in lock.values():
        pinned_version(req)
        hashes = [o for o in options if HASH.fullmatch(o)]
        assert hashes, f"{req.name} has no --hash=sha256: in {LOCK.name}"
        assert len(hashes) == len(options), f"{req.name}: options other than sha256 hashes: {options}"


def make(*args: str) -> str:
    """What make prints for ARGS in the checkout, outside any make that runs the tests."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEFILES"}}
    return subprocess.run(["make", "--no-print-directory", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout


def test_the_makefile_installs_the_venv_from_the_lock_with_hashes_only():
    stamp = ".venv/.installed"
    # The rule as make reads it: ".venv/.installed: pyproject.toml requirements.lock", remade when either changes.
    database = make("--dry-run", "--always-make", "--print-data-base", stamp)
    prerequisites = re.search(rf"^{re.escape(stamp)}:(.*)$", database, re.MULTILINE)
    assert prerequisites, "no rule for the venv's stamp"
    assert {"pyproject.toml", LOCK.name} <= set(prerequisites.group(1).split())
    # The commands that make the venv, expanded: every pip install in them is from the lock, with hashes.
    commands = make("--dry-run", "--always-make", stamp)
    installs = [shlex.split(line) for line in commands.splitlines() if re.search(r"\bpip\b.*\binstall\b", line)]
    assert installs, "the venv's recipe runs no pip install"
    for words in installs:
        assert "--require-hashes" in words, f"pip install without --require-hashes: {shlex.join(words)}"
        source = words[words.index("-r") + 1] if "-r" in words else None
        assert source == LOCK.name, f"pip install not from {LOCK.name}: {shlex.join(words)}"


def test_the_installed_packages_are_the_locked_versions(lock):
    installed: dict[str, str] = {}
    for dist in metadata.distributions():  # sys.path order: the first one found is the one imported
        if dist.metadata["Name"]:
            installed.setdefault(canonicalize_name(dist.metadata["Name"]), dist.version)
    assert "pytest" in installed
    compared = 0
    for name, (req, _) in lock.items():
        if name in installed and applies(req):
            compared += 1
            assert installed[name] == pinned_version(req), (
                f"{req.name} {installed[name]} is installed, {LOCK.name} pins {pinned_version(req)}: "
                "the venv or the lock is stale (make .venv/.installed, or make lock)"
            )
    assert compared > 20
