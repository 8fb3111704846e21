"""Each package under voting/ has a face (a docstring and __all__), and no package reaches into another's SQL."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

VOTING = Path(__file__).resolve().parent.parent / "voting"
PACKAGES = sorted(p.parent.name for p in VOTING.glob("*/__init__.py"))

# The demo writes what no service may (predated items and reports, sheets without tablets, opinions
# without a liaison's login) and says so in voting/demo/__init__.py.
DEMO_WRITES = {"demo/solicitation.py", "demo/supervision.py"}


def queries_imports(path: Path) -> list[str]:
    """The modules named *queries this file imports from another package of voting/."""
    own = path.relative_to(VOTING).parts[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("voting."):
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if len(parts) >= 3 and parts[0] == "voting" and parts[1] != own and parts[2].endswith("queries"):
                found.append(".".join(parts[:3]))
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_says_what_it_is_and_what_others_may_call(package: str) -> None:
    face = importlib.import_module(f"voting.{package}")
    assert (face.__doc__ or "").strip(), f"voting/{package}/__init__.py has no docstring"
    assert isinstance(getattr(face, "__all__", None), list), f"voting/{package}/__init__.py has no __all__"
    for name in face.__all__:
        assert hasattr(face, name), f"voting.{package}.__all__ names {name}, which it does not hold"


def test_no_package_reaches_into_another_packages_queries() -> None:
    reaching = {}
    for path in sorted(VOTING.rglob("*.py")):
        where = path.relative_to(VOTING)
        if len(where.parts) < 2 or where.as_posix() in DEMO_WRITES:
            continue
        if found := queries_imports(path):
            reaching[where.as_posix()] = found
    assert reaching == {}, "call the owning package's face or service module instead"
