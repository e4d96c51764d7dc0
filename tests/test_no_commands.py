"""She is never told to run a command: what the report and the app say names what to press in the app; command
lines appear only in the README (and in the command line's own help)."""
import re

import pytest

from conftest import EXAMPLES, FIXTURES
from debtplan import load_profile
from debtplan.calc.assessment import assess
from debtplan.inputs.rules import load_rules
from debtplan.present import legal, pack

COMMAND = re.compile(r"debtplan\s+(?:log|calendar|report|batch|assess|schedule|apr|import-calls)\b|--(?:profile|kind|out)\b")


@pytest.mark.parametrize("path", [*EXAMPLES, FIXTURES / "agreements.yaml"], ids=lambda p: p.stem)
def test_the_report_parts_name_no_command(path):
    rules = load_rules()
    a = assess(load_profile(path), rules)
    for lang in ("zh", "en"):
        html = pack.pack_html(a, lang) + legal.legal_html(a, rules, lang)  # the parts that say what to do next
        assert not COMMAND.search(html), (lang, COMMAND.search(html).group(0), html[COMMAND.search(html).start() - 80:][:200])
