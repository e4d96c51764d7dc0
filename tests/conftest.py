import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "data" / "examples").glob("*.yaml"))
FIXTURES = ROOT / "tests" / "fixtures"


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
