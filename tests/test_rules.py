from decimal import Decimal

import pytest
import yaml

from debtplan.core.errors import RuleError
from debtplan.core.paths import RULES_DIR

from conftest import ROOT
from debtplan.inputs.rules import PRODUCTS, RULE_FIELDS, legal_limits, load_rule, rule_with_overrides


@pytest.mark.parametrize("product", PRODUCTS)
def test_every_preset_loads_and_every_field_has_a_source_and_date(product):
    rule = load_rule(product)
    raw = yaml.safe_load((RULES_DIR / f"{product}.yaml").read_text(encoding="utf-8"))
    for name, item in raw["fields"].items():
        assert item.get("source"), f"{product}.{name} has no source"
        assert item.get("date"), f"{product}.{name} has no date"
    assert set(RULE_FIELDS) - {"minimum_payment_rate"} <= set(raw["fields"]), set(RULE_FIELDS) - set(raw["fields"])
    assert rule.name["zh"] and rule.name["en"]


def test_legal_limits_with_sources():
    limits = legal_limits()
    assert limits.court_cap == Decimal("0.24")
    assert limits.private_lending_cap == Decimal("0.120")
    assert all(s.source and s.date for s in limits.sources.values())


def test_overrides_apply_and_are_marked():
    rule = rule_with_overrides(load_rule("jiebei"), {"penalty_multiplier": "2", "grace_days": 3})
    assert rule.penalty_multiplier == 2 and rule.grace_days == 3
    assert rule.sources["penalty_multiplier"].overridden
    assert not rule.sources["method"].overridden


def test_unknown_product():
    with pytest.raises(RuleError, match="jiebei"):
        load_rule("payday")


def test_chinese_sources_have_an_english_citation():
    """English reports cite sources in English (reports are entirely in their language)."""
    import re

    cjk = re.compile(r"[\u3400-\u9fff]")
    for path in RULES_DIR.glob("*.yaml"):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        entries = raw.get("fields", raw) if isinstance(raw, dict) else {}
        for name, item in entries.items():
            if isinstance(item, dict) and cjk.search(str(item.get("source", ""))):
                assert item.get("source_en") and not cjk.search(item["source_en"]), f"{path.name}: {name}"


def test_chinese_citations_name_the_article_the_chinese_way():
    """A Chinese report cites in Chinese: "第十六条", never "§16", "Art. 70" or "(2020 revision), art. 25" (the
    Chinese report printed those three beside its own "第二条")."""
    import re

    cjk = re.compile(r"[\u3400-\u9fff]")
    english = re.compile(r"§|\b[Aa]rt\.|\bs\. ?\d|\brevision\b")
    found = []
    for path in RULES_DIR.glob("*.yaml"):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        entries = raw.get("fields", raw) if isinstance(raw, dict) else {}
        for name, item in entries.items():
            source = str(item.get("source", "")) if isinstance(item, dict) else ""
            if cjk.search(source) and english.search(source):
                found.append(f"{path.name}: {name}: {source}")
    assert found == []


def test_the_data_files_are_read_by_the_c_loader_exactly_as_the_python_one_reads_them():
    """Every kernel, report and command reads the rules: with LibYAML (nine times faster) where PyYAML has it,
    and to the same values, types included, as the pure-Python safe loader."""
    import yaml

    from debtplan.inputs import files, yamlsafe

    assert yamlsafe.SAFE_LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert issubclass(files._Loader, yamlsafe.SAFE_LOADER)  # the profile's reader too
    data = [p for p in (ROOT / "data").rglob("*.yaml") if "private" not in p.parts]
    assert len(data) >= 10
    for path in data:
        text = path.read_text(encoding="utf-8")
        assert repr(yamlsafe.load_data_yaml(text)) == repr(yaml.safe_load(text)), path
