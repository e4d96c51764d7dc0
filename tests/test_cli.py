import json
import subprocess
import sys

import pytest

from debtplan.run.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_schedule_json(capsys):
    code, out, _ = run(capsys, "schedule", "--principal", "20000", "--annual-rate", "0.1095", "--months", "12",
                       "--method", "annuity", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["rows"][0] == {"period": 1, "payment": "1767.17", "interest": "182.50", "principal": "1584.67",
                               "balance": "18415.33"}
    assert data["rows"][-1]["balance"] == "0.00"
    for row in data["rows"]:
        for key in ("payment", "interest", "principal", "balance"):
            assert len(row[key].split(".")[1]) == 2
    assert data["total_payment"].count(".") == 1


@pytest.mark.parametrize("method", ["equal-principal", "interest-only"])
def test_schedule_methods(capsys, method):
    code, out, _ = run(capsys, "schedule", "--principal", "1000", "--annual-rate", "0.12", "--months", "3",
                       "--method", method, "--format", "json")
    assert code == 0 and json.loads(out)["rows"][-1]["balance"] == "0.00"


def test_schedule_table(capsys):
    code, out, _ = run(capsys, "schedule", "--principal", "1000", "--annual-rate", "0.12", "--months", "3")
    assert code == 0 and "payment" in out and "total paid" in out


def test_apr_json(capsys):
    code, out, _ = run(capsys, "apr", "--amount", "10000", "--payment", "893.33", "--months", "12",
                       "--format", "json")
    data = json.loads(out)
    assert data["apr"] == "0.130335"
    assert len(data["effective_annual_rate"].split(".")[1]) >= 6


def test_owed_json(capsys):
    code, out, _ = run(capsys, "owed", "--principal", "20000", "--daily-rate", "0.0004", "--days-overdue", "90",
                       "--format", "json")
    data = json.loads(out)
    assert {k: data[k] for k in ("principal", "penalty_interest", "compound_interest", "total",
                                 "court_cap_excess")} == {
        "principal": "20000.00", "penalty_interest": "1080.00", "compound_interest": "0.00",
        "total": "21080.00", "court_cap_excess": "0.00"}


def test_owed_compound_and_cap(capsys):
    code, out, _ = run(capsys, "owed", "--principal", "10000", "--daily-rate", "0.001", "--days-overdue", "365",
                       "--unpaid-interest", "500", "--compound", "--format", "json")
    data = json.loads(out)
    assert data["compound_interest"] == "273.75"
    assert data["total"] == "16248.75"
    assert data["court_cap_excess"] == "3348.75"


@pytest.mark.parametrize("args", [
    ["schedule", "--principal", "abc", "--annual-rate", "0.1", "--months", "12"],
    ["schedule", "--principal", "100", "--months", "12"],
    ["schedule", "--principal", "100", "--annual-rate", "0.1", "--months", "0"],
    ["apr", "--amount", "100", "--payment", "1", "--months", "3"],
    ["owed", "--principal", "100", "--daily-rate", "x", "--days-overdue", "3"],
    ["nonsense"],
])
def test_bad_arguments_one_line_exit_2(args):
    proc = subprocess.run([sys.executable, "-m", "debtplan.run.cli", *args], capture_output=True, text=True)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "Traceback" not in proc.stderr


def test_help_explains_conventions():
    proc = subprocess.run([sys.executable, "-m", "debtplan.run.cli", "--help"], capture_output=True, text=True)
    assert "half up" in proc.stdout and "0.00" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "debtplan.run.cli", "apr", "--help"], capture_output=True, text=True)
    assert "internal rate of return" in proc.stdout


def test_every_amount_in_json_has_two_decimals(capsys):
    from debtplan.run.cli import main

    assert main(["schedule", "--principal", "20000", "--annual-rate", "0.12", "--months", "1", "--format", "json"]) == 0
    row = json.loads(capsys.readouterr().out)["rows"][0]
    assert row["principal"] == "20000.00" and row["balance"] == "0.00" and row["payment"] == "20200.00"


def test_calculators_accept_amounts_and_rates_as_people_write_them(capsys):
    from debtplan.run.cli import main

    assert main(["owed", "--principal", "2万", "--daily-rate", "日息万四", "--days-overdue", "90", "--format",
                 "json"]) == 0
    chinese = json.loads(capsys.readouterr().out)
    assert main(["owed", "--principal", "20000", "--daily-rate", "0.0004", "--days-overdue", "90", "--format",
                 "json"]) == 0
    assert json.loads(capsys.readouterr().out) == chinese
    with pytest.raises(SystemExit) as stop:
        main(["schedule", "--principal", "2万", "--daily-rate", "年化18%", "--months", "3", "--start", "2026-01-01"])
    assert stop.value.code == 2 and "is not a daily rate" in capsys.readouterr().err
