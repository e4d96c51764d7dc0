import os
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "data" / "examples").glob("*.yaml"))
FIXTURES = ROOT / "tests" / "fixtures"

# ---- how thorough the tests that draw or sample their cases are: one setting
#: DEBTPLAN_THOROUGH=1 (``make test-thorough``): property tests draw DEBTPLAN_PROPERTY_EXAMPLES examples each
#: (default 40), fresh ones every run, and sampled tests go through every combination. Unset: the few examples
#: each test names, drawn the same way every run (derandomized), and a fixed-seed sample - a run takes the same
#: time each time and a failure shows again on the next run.
THOROUGH = os.environ.get("DEBTPLAN_THOROUGH", "") not in ("", "0")
PROPERTY_EXAMPLES = os.environ.get("DEBTPLAN_PROPERTY_EXAMPLES", "")
settings.register_profile("fast", derandomize=True, database=None)
settings.register_profile("thorough")
settings.load_profile("thorough" if THOROUGH or PROPERTY_EXAMPLES else "fast")


def examples(fast: int) -> int:
    """How many examples a property test draws: ``fast`` by default, DEBTPLAN_PROPERTY_EXAMPLES (or 40 under
    DEBTPLAN_THOROUGH=1) on request, never fewer than ``fast``."""
    if PROPERTY_EXAMPLES:
        return max(fast, int(PROPERTY_EXAMPLES))
    return max(fast, 40) if THOROUGH else fast


def sample_cases(cases: list, size: int, seed: int = 21) -> list:
    """``size`` of ``cases`` (tuples of values, one per dimension) chosen with a fixed seed, topped up so that
    every value of every dimension appears at least once; all of them under DEBTPLAN_THOROUGH=1."""
    if THOROUGH or size >= len(cases):
        return list(cases)
    rng = random.Random(seed)
    chosen = rng.sample(list(cases), size)
    for dim in range(len(cases[0])):
        seen = {case[dim] for case in chosen}
        for case in cases:
            if case[dim] not in seen:
                chosen.append(case)
                seen.add(case[dim])
    return chosen


@pytest.fixture
def example_paths():
    return EXAMPLES


def chromium_path():
    """Debian's Chromium; under CI a missing browser is a failure, not a skip."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is not installed; .ci/run installs it (apt-get install chromium)")
    pytest.skip("Chromium is not installed here (apt-get install chromium); CI fails instead of skipping")


@pytest.fixture(scope="session")
def browser():
    """One Chromium for every browser test of the run (of each parallel worker); each test opens its own
    context or page, so nothing carries over from one test to the next."""
    from voila_helpers import chromium

    with chromium() as b:
        yield b


# ---- the examples' reports, built once per run (per parallel worker) and read by every test that only reads them

@pytest.fixture(scope="session")
def kernel_pool():
    """One notebook kernel for the reports built by the tests of a run (of each parallel worker)."""
    from debtplan.run.report import KernelPool

    with KernelPool() as pool:
        yield pool


@pytest.fixture(scope="session")
def example_report(tmp_path_factory, kernel_pool):
    """``example_report(name, lang=None)``: the ``index.html`` of the report of ``data/examples/<name>.yaml`` in
    ``lang`` (the profile's own language when None), built the first time a test asks for it and shared with
    every later one. A report built with the profile's language named is the same as one built without it, so
    both share one build. Tests must only read these folders (a test that writes copies them first)."""
    from debtplan.inputs.profile import load_profile
    from debtplan.run.report import build_report

    root = tmp_path_factory.mktemp("example-reports")
    built: dict[tuple[str, str], Path] = {}

    def get(name: str, lang: str | None = None) -> Path:
        path = ROOT / "data" / "examples" / f"{name}.yaml"
        lang = lang or load_profile(path).lang
        if (name, lang) not in built:
            built[(name, lang)] = build_report(path, root / f"{name}-{lang}", lang=lang, pool=kernel_pool)
        return built[(name, lang)]

    return get


# ---- the order of a run: `make test` hands whole files to its two workers (`--dist loadfile`: a file's
# servers, browsers and built reports are made once, on one worker), the longest files first so that neither
# worker is left with a long file at the end while the other waits.

#: The files that take longest, longest first (worker-seconds measured with --durations=0 on 2026-12-04:
#: about 110, 75, 60, 60, 55, 45, 40, 35, 35 and 30). Any other file with slow tests follows them, then the rest.
LONGEST_FIRST = ("test_app_offline.py", "test_batch.py", "test_app_walk.py", "test_app_finish.py",
                 "test_property.py", "test_lab.py", "test_wheel.py", "test_notebooks.py", "test_app_kernels.py",
                 "test_consistency.py")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    def rank(item) -> tuple:
        name = item.path.name
        if name in LONGEST_FIRST:
            return (0, LONGEST_FIRST.index(name))
        return (1 if item.get_closest_marker("slow") else 2, 0)

    items.sort(key=rank)  # stable: a file's own order is kept
