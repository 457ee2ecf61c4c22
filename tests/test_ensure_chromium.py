"""scripts/ensure-chromium, which `make test` runs before the browser tests.

This machine has chromium and the tests must not uninstall it, so the script runs here with ``CHROMIUM``
pointing at a path that is missing and with ``PATH`` holding stand-ins for apt-get, sudo and id that record
their calls (the stand-in apt-get "installs" by creating the file). What is tested is the script's decisions
and messages; a real apt-get install is exercised only on a machine without chromium (e.g. by .ci/run).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.stand_ins import ID, SUDO, apt_get, make_test_runs_before_pytest, run_script

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "ensure-chromium"

STAND_INS = {"apt-get": apt_get('echo > "$CHROMIUM" && /bin/chmod +x "$CHROMIUM"'), "sudo": SUDO, "id": ID}


def _run(tmp_path: Path, *, commands: tuple[str, ...], uid: int = 0, chromium: Path | None = None,
         apt_fails: bool = False) -> tuple[subprocess.CompletedProcess, list[str], Path]:
    chromium = chromium or tmp_path / "usr-bin-chromium"
    done, calls = run_script(SCRIPT, tmp_path, {name: STAND_INS[name] for name in commands}, uid=uid,
                             apt_fails=apt_fails, environment={"CHROMIUM": str(chromium)})
    return done, calls, chromium


def test_does_nothing_when_chromium_is_there(tmp_path):
    present = tmp_path / "chromium"
    present.write_text("")
    present.chmod(0o755)
    done, calls, _ = _run(tmp_path, commands=("apt-get", "sudo", "id"), chromium=present)
    assert done.returncode == 0 and calls == [] and done.stderr == ""


def test_installs_debians_chromium_as_root_without_questions(tmp_path):
    done, calls, chromium = _run(tmp_path, commands=("apt-get", "id"))
    assert done.returncode == 0, done.stderr
    assert calls == ["noninteractive apt-get update -q", "noninteractive apt-get install -y -q chromium"]
    assert os.access(chromium, os.X_OK) and "installing Debian's chromium" in done.stderr


def test_installs_through_sudo_when_not_root_and_never_waits_for_a_password_without_a_terminal(tmp_path):
    done, calls, _ = _run(tmp_path, commands=("apt-get", "sudo", "id"), uid=1000)
    assert done.returncode == 0, done.stderr
    assert calls[0] == "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -q"
    assert "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium" in calls


@pytest.mark.parametrize(("commands", "uid", "reason"), [
    (("id",), 0, "no apt-get"),
    (("apt-get", "id"), 1000, "not root and there is no sudo"),
])
def test_says_what_to_do_where_it_cannot_install(tmp_path, commands, uid, reason):
    done, calls, _ = _run(tmp_path, commands=commands, uid=uid)
    assert done.returncode == 1 and calls == []
    assert reason in done.stderr and "apt-get install chromium" in done.stderr


def test_a_failed_install_stops_make_test_with_the_reason(tmp_path):
    done, _, _ = _run(tmp_path, commands=("apt-get", "id"), apt_fails=True)
    assert done.returncode == 1 and "apt-get install chromium failed" in done.stderr


def test_make_test_ensures_chromium_before_pytest_and_ci_has_no_twin_of_it():
    assert make_test_runs_before_pytest(ROOT, "scripts/ensure-chromium")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "apt-get" not in ci and "make test" in ci
