"""Imports run one way: config -> desk -> reviews -> films -> people -> images
-> web, audit, backups (docs/architecture.md). Read from the source, so a
module that is never imported in a test is checked too."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Higher floors import lower ones; apps on one floor import neither way.
FLOORS = {
    "config": 6,
    "desk": 5,
    "reviews": 4,
    "films": 3,
    "people": 2,
    "images": 1,
    "web": 0,
    "audit": 0,
    "backups": 0,
}


def imported_apps(source):
    """(line, app) of every import of one of the apps, at any depth in the module."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            app = name.split(".")[0]
            if app in FLOORS:
                yield node.lineno, app


def upward_imports(root):
    for app, floor in FLOORS.items():
        for path in sorted((root / app).rglob("*.py")):
            for line, imported in imported_apps(path.read_text()):
                if imported != app and FLOORS[imported] >= floor:
                    yield f"{path.relative_to(root)}:{line} imports {imported}"


def test_every_import_runs_down():
    assert list(upward_imports(ROOT)) == []


def test_an_import_that_runs_up_or_sideways_is_found(tmp_path):
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "pieces.py").write_text(
        "import films\n\n\ndef f():\n    from reviews.models import Review\n"
    )
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "log.py").write_text("from audit.models import record\n")
    assert list(upward_imports(tmp_path)) == [
        "people/pieces.py:1 imports films",
        "people/pieces.py:5 imports reviews",
        "web/log.py:1 imports audit",
    ]
