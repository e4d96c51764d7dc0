"""The three-way merge behind every save from the app: nothing written elsewhere is lost, clashes are named."""
import copy

from debtplan.inputs.merge import merge_profiles
from debtplan.inputs.profile import read_profile_dict, with_record_ids

from conftest import ROOT


def base():
    data = with_record_ids(read_profile_dict(ROOT / "data/examples/xiao-li.yaml"))
    data["negotiations"] = [{"id": "c-1", "date": "2026-11-20", "creditor": "借呗", "channel": "phone",
                             "outcome": "对方考虑"}]
    data["payments"] = [{"id": "p-1", "date": "2026-12-10", "creditor": "借呗", "amount": 442}]
    return data


def test_one_side_changes_win_and_additions_on_both_sides_survive():
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine["income"][0]["amount"] = 6000
    mine["negotiations"].append({"id": "c-app", "date": "2026-11-29", "creditor": "借呗", "channel": "app",
                                 "outcome": "在 App 里记的"})
    theirs["negotiations"].append({"id": "c-cli", "date": "2026-11-28", "creditor": "借呗", "channel": "phone",
                                   "outcome": "命令行记的"})
    theirs["fixed_costs"][0]["amount"] = 1400
    result = merge_profiles(b, mine, theirs)
    assert result.clean
    assert [c["id"] for c in result.data["negotiations"]] == ["c-1", "c-cli", "c-app"]
    assert result.data["income"][0]["amount"] == 6000 and result.data["fixed_costs"][0]["amount"] == 1400
    assert b == base()  # inputs untouched


def test_same_field_changed_both_ways_is_a_conflict_named_by_path():
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine["debts"][0]["principal"] = 19000
    theirs["debts"][0]["principal"] = 18000
    mine["payments"][0]["amount"] = 400
    theirs["payments"][0]["amount"] = 450
    result = merge_profiles(b, mine, theirs)
    assert sorted(c.path for c in result.conflicts) == ["debts[0].principal", "payments[0].amount"]
    conflict = next(c for c in result.conflicts if c.path == "debts[0].principal")
    assert (conflict.base, conflict.mine, conflict.theirs) == (20000, 19000, 18000)


def test_same_change_on_both_sides_is_not_a_conflict():
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine["savings"]["balance"] = theirs["savings"]["balance"] = 2500
    assert merge_profiles(b, mine, theirs).clean


def test_removed_here_and_kept_there_is_removed_but_removed_and_changed_is_a_conflict():
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    del mine["payments"][0]
    result = merge_profiles(b, mine, theirs)
    assert result.clean and result.data["payments"] == []
    theirs["payments"][0]["note"] = "银行卡转账"
    assert [c.path for c in merge_profiles(b, mine, theirs).conflicts] == ["payments[0]"]


def test_debts_are_matched_by_name_and_lines_by_position():
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine["debts"].append({"creditor": "花呗", "product": "huabei", "principal": 4500})
    theirs["debts"][0]["unpaid_interest"] = 120
    theirs["flexible_costs"][1]["amount"] = 100
    mine["flexible_costs"][0]["amount"] = 1300
    result = merge_profiles(b, mine, theirs)
    assert result.clean
    assert [d["creditor"] for d in result.data["debts"]] == ["借呗", "花呗"]
    assert result.data["debts"][0]["unpaid_interest"] == 120
    assert [c["amount"] for c in result.data["flexible_costs"][:2]] == [1300, 100]
    # lines added on both sides at once cannot be lined up: named as a conflict on the list
    mine["fixed_costs"].append({"category": "other", "amount": 10})
    theirs["fixed_costs"].append({"category": "health", "amount": 20})
    assert [c.path for c in merge_profiles(b, mine, theirs).conflicts] == ["fixed_costs"]
