"""Data flows one way: each layer folder of lib/debtplan imports only the layers its docstring names.

The check follows imports through other modules too (core must not reach calc through inputs), and a control
shows that it catches a violation, direct or indirect.
"""
import ast
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "lib" / "debtplan"

#: layer -> the layers it may import (besides itself). The same list is in each layer's __init__ docstring.
ALLOWED = {
    "core": set(),
    "inputs": {"core"},
    "calc": {"core"},
    "text": {"core"},
    "present": {"core", "calc", "text"},
    "app": {"core", "inputs", "calc", "text", "present"},
    "run": {"core", "inputs", "calc", "text", "present", "app"},
}
#: Pure math and the model read no files and draw nothing.
NO_IO = {"core": {"IPython", "ipywidgets", "matplotlib", "nbformat", "papermill", "nbconvert", "yaml", "ruamel"},
         "calc": {"IPython", "ipywidgets", "matplotlib", "nbformat", "papermill", "nbconvert", "yaml", "ruamel",
                  "os", "pathlib", "io", "shutil", "tempfile", "subprocess"}}


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path) -> tuple[set[str], set[str], bool]:
    """(debtplan modules imported, third-party top names imported, calls open())."""
    me = module_name(path, root)
    package = me if path.stem == "__init__" else me.rsplit(".", 1)[0]
    inner, outer, opens = set(), set(), False
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                inner.add(target)  # the module, or the package whose submodules are named
                inner.update(f"{target}.{a.name}" for a in node.names)
            elif node.module and node.module.split(".")[0] == root.name:
                inner.add(node.module)
                inner.update(f"{node.module}.{a.name}" for a in node.names)
            elif node.module:
                outer.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            for a in node.names:
                (inner if a.name.split(".")[0] == root.name else outer).add(a.name if a.name.startswith(root.name)
                                                                            else a.name.split(".")[0])
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open":
            opens = True
    return inner, outer, opens


def layer_violations(root: Path) -> list[str]:
    """Every import, direct or through other modules, that crosses into a layer not allowed."""
    modules = {module_name(p, root): p for p in root.rglob("*.py")}
    graph, third, opens = {}, {}, {}
    for name, path in modules.items():
        inner, outer, op = imports_of(path, root)
        graph[name] = {m for m in inner if m in modules}
        third[name], opens[name] = outer, op
    found = []
    for name in sorted(modules):
        parts = name.split(".")
        if len(parts) < 2 or parts[1] not in ALLOWED:
            continue
        layer = parts[1]
        seen, todo = set(), [(name, [name])]
        while todo:
            current, chain = todo.pop()
            for nxt in graph[current]:
                if nxt in seen:
                    continue
                seen.add(nxt)
                other = nxt.split(".")[1] if len(nxt.split(".")) > 1 else None
                if other and other != layer and other not in ALLOWED[layer] and other in ALLOWED:
                    found.append(f"{name} ({layer}) reaches {nxt} ({other}) via {' -> '.join(chain + [nxt])}")
                todo.append((nxt, chain + [nxt]))
        if layer in NO_IO:
            bad = third[name] & NO_IO[layer]
            if bad:
                found.append(f"{name} ({layer}) imports {', '.join(sorted(bad))}")
            if opens[name]:
                found.append(f"{name} ({layer}) opens a file")
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the project modules it imports (anywhere in the file, including imports inside functions)."""
    modules = {module_name(p, root): p for p in root.rglob("*.py")}
    return {name: {m for m in imports_of(path, root)[0] if m in modules and m != name}
            for name, path in modules.items()}


def import_circles(root: Path) -> list[list[str]]:
    """Every set of modules that import each other, directly or around a loop (strongly connected components of
    more than one module; a package importing its own submodules does not count)."""
    graph = import_graph(root)
    graph = {m: {n for n in out if not m.startswith(n + ".") and not n.startswith(m + ".")} for m, out in graph.items()}
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_modules_import_each_other():
    assert import_circles(LIB) == []


def test_control_the_circle_check_catches_a_circle(tmp_path):
    root = tmp_path / "debtplan"
    (root / "inputs").mkdir(parents=True)
    for name in ("__init__.py", "inputs/__init__.py"):
        (root / name).write_text("")
    (root / "inputs" / "a.py").write_text("def f():\n    from .b import g\n")
    (root / "inputs" / "b.py").write_text("from .c import h\n")
    (root / "inputs" / "c.py").write_text("from .a import f\n")
    assert import_circles(root) == [["debtplan.inputs.a", "debtplan.inputs.b", "debtplan.inputs.c"]]


def test_every_module_is_in_a_layer_folder():
    loose = [p.name for p in LIB.glob("*.py") if p.stem != "__init__"]
    assert not loose, f"modules outside the layer folders: {loose}"
    assert {p.name for p in LIB.iterdir() if (p / "__init__.py").exists()} == set(ALLOWED)


def test_each_layer_says_what_it_may_import():
    for layer, allowed in ALLOWED.items():
        doc = ast.get_docstring(ast.parse((LIB / layer / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc.splitlines()) == 1, layer
        for other in ALLOWED:
            if other != layer:
                assert (other in doc.split("May import", 1)[-1]) == (other in allowed), (layer, other)


def test_no_layer_reaches_a_layer_it_may_not():
    assert layer_violations(LIB) == []


@pytest.mark.parametrize("case", ["direct", "indirect", "io"])
def test_control_the_check_catches_violations(tmp_path, case):
    root = tmp_path / "debtplan"
    for layer in ALLOWED:
        (root / layer).mkdir(parents=True)
        (root / layer / "__init__.py").write_text('"""x"""\n')
    (root / "__init__.py").write_text("")
    (root / "present" / "views.py").write_text("X = 1\n")
    (root / "inputs" / "reader.py").write_text("X = 1\n")
    if case == "direct":
        (root / "calc" / "math.py").write_text("from ..present.views import X\n")
        expected = "debtplan.calc.math (calc) reaches debtplan.present.views"
    elif case == "indirect":  # core -> core.helper -> inputs.reader: core may not reach inputs even indirectly
        (root / "core" / "helper.py").write_text("from ..inputs import reader\n")
        (root / "core" / "model.py").write_text("from .helper import X\n")
        expected = "debtplan.core.model (core) reaches debtplan.inputs"
        assert any("via debtplan.core.model -> debtplan.core.helper -> debtplan.inputs" in f
                   for f in layer_violations(root))
    else:
        (root / "calc" / "math.py").write_text("import yaml\n\ndef f(p):\n    return open(p).read()\n")
        expected = "debtplan.calc.math (calc) imports yaml"
    found = layer_violations(root)
    assert any(f.startswith(expected) for f in found), found
    # and a clean tree passes
    for f in root.rglob("*.py"):
        if f.name not in ("__init__.py", "views.py", "reader.py"):
            f.unlink()
    assert layer_violations(root) == []


def test_every_error_raised_is_under_the_project_root():
    """The library raises only its own exceptions (each also a ValueError, KeyError... where that fits)."""
    builtin = {"ValueError", "KeyError", "TypeError", "RuntimeError", "AssertionError", "OSError", "Exception",
               "ArithmeticError", "IndexError", "LookupError"}
    found = []
    for path in LIB.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and \
                    isinstance(node.exc.func, ast.Name) and node.exc.func.id in builtin:
                found.append(f"{path.relative_to(LIB)}:{node.lineno} raises {node.exc.func.id}")
    assert found == []


def test_nothing_refers_to_files_outside_the_project():
    root = LIB.parents[1]
    tracked = [p for p in root.rglob("*") if p.is_file() and ".venv" not in p.parts and ".git" not in p.parts
               and p.suffix in (".py", ".md", ".yaml", ".ipynb", ".j2", ".css", ".json", ".toml", "") and
               "reports" not in p.parts and "private" not in p.parts and "__pycache__" not in p.parts
               and not any(part.endswith(".egg-info") for part in p.parts)]
    needle = "../" + "shared"  # spelled in two parts so that this file does not match itself
    outside = [str(p.relative_to(root)) for p in tracked if needle in p.read_text(encoding="utf-8", errors="ignore")]
    assert outside == []
