"""The project version (which decides whether a batch rebuilds a report) follows what makes a report: cell sources
and the parameters, not what running or opening a notebook writes (outputs, execution counts, metadata)."""
import json
import shutil

from debtplan.core import paths
from debtplan.run import batch


def _version():
    batch.project_version.cache_clear()
    return batch.project_version()


def test_outputs_counts_and_metadata_leave_the_version_a_parameter_changes_it(tmp_path, monkeypatch, request):
    for name, _ in batch.NOTEBOOKS:
        shutil.copy(paths.NOTEBOOKS_DIR / f"{name}.ipynb", tmp_path / f"{name}.ipynb")
    monkeypatch.setattr(paths, "NOTEBOOKS_DIR", tmp_path)
    request.addfinalizer(batch.project_version.cache_clear)
    base = _version()
    path = tmp_path / f"{batch.NOTEBOOKS[-1][0]}.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    for n, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            cell["execution_count"] = n + 1
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["ran\n"]}]
    nb["metadata"]["kernelspec"]["display_name"] = "Another kernel name"
    nb["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    path.write_text(json.dumps(nb, indent=2), encoding="utf-8")
    assert _version() == base
    parameters = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
    parameters["source"] = [line.replace('lang: str = ""', 'lang: str = "en"') for line in parameters["source"]]
    assert any('"en"' in line for line in parameters["source"])
    path.write_text(json.dumps(nb, indent=2), encoding="utf-8")
    assert _version() != base
