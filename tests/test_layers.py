"""Data flows one way: a module imports only from its own layer or lower ones (see debtplan/__init__.py)."""
import ast
from pathlib import Path

LIB = Path(__file__).resolve().parents[1] / "lib" / "debtplan"
LAYERS = {
    1: {"money", "dates", "errors", "paths", "conventions"},
    2: {"rules", "profile", "records"},
    3: {"schedules", "rates", "overdue", "cashflow", "options", "allocation", "proposal", "tracking", "grid",
        "assessment", "standing"},
    4: {"i18n", "pack_text", "charts", "views", "textreport", "pack", "export", "webfont", "styles", "session", "widgets"},
    5: {"report", "batch", "cli", "printing"},
}
LAYER_OF = {m: n for n, mods in LAYERS.items() for m in mods}
# Pure math must not reach for I/O, display or widgets.
PURE = LAYERS[3]
FORBIDDEN_IN_PURE = {"IPython", "ipywidgets", "matplotlib", "nbformat", "papermill", "nbconvert", "yaml"}


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add("." + node.module.split(".")[0])
            elif node.level == 1:
                found.update("." + a.name for a in node.names)
            elif node.module:
                found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
    return found


def test_every_module_has_a_layer():
    modules = {p.stem for p in LIB.glob("*.py")} - {"__init__"}
    assert modules == set(LAYER_OF), modules ^ set(LAYER_OF)


def test_no_module_imports_a_higher_layer():
    for path in LIB.glob("*.py"):
        if path.stem == "__init__":
            continue
        mine = LAYER_OF[path.stem]
        for name in imports(path):
            if name.startswith("."):
                other = name[1:]
                assert LAYER_OF[other] <= mine, f"{path.stem} (layer {mine}) imports {other} (layer {LAYER_OF[other]})"
            elif path.stem in PURE:
                assert name not in FORBIDDEN_IN_PURE, f"{path.stem} is pure math but imports {name}"
