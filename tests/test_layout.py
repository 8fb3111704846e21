"""The tests keep their own shape: shared helpers live in plain modules, fixtures only in conftest files."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports by name (`import a.b`, `from a.b import c`)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def is_test_module_or_conftest(module: str) -> bool:
    """A dotted name naming a test module or a conftest."""
    last = module.rsplit(".", 1)[-1]
    return last.startswith("test_") or last == "conftest"


def test_no_test_file_imports_a_test_module_or_a_conftest() -> None:
    offenders = [
        f"{path.relative_to(TESTS.parent)} imports {module}"
        for path in sorted(TESTS.rglob("*.py"))
        for module in sorted(imported_modules(path))
        if module.startswith("tests.") and is_test_module_or_conftest(module)
    ]
    assert offenders == [], "move the shared helper into a plain module (e.g. steps.py):\n" + "\n".join(offenders)


def test_helper_modules_define_no_fixtures() -> None:
    # A fixture in a helper module works only where some conftest imports it again: the copies this rule ended.
    offenders = [
        str(path.relative_to(TESTS.parent))
        for path in sorted(TESTS.rglob("*.py"))
        if not path.name.startswith("test_")
        and path.name != "conftest.py"
        and "pytest.fixture" in path.read_text(encoding="utf-8")
    ]
    assert offenders == [], "define these fixtures in a conftest.py:\n" + "\n".join(offenders)
