"""What any command-line tool owes its users: -h and --version, one clear line for a bad setting."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from newsfuse.cli import app


def _main(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed entry point's function (`newsfuse.cli.main`), run as a user runs it."""
    code = "import sys; from newsfuse.cli import main; sys.argv[0] = 'newsfuse'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)


def test_version_and_short_help() -> None:
    from importlib.metadata import version

    runner = CliRunner()
    shown = runner.invoke(app, ["--version"])
    assert shown.exit_code == 0
    assert shown.stdout.strip() == f"newsfuse {version('newsfuse')}"
    for args in (["-h"], ["brief", "-h"], ["articles", "-h"], ["eval", "-h"]):
        helped = runner.invoke(app, args)
        assert helped.exit_code == 0, args
        assert "Usage:" in helped.stdout


def test_every_command_that_reads_urls_can_allow_private_ones() -> None:
    runner = CliRunner()
    for command in ("articles", "stories", "brief", "ingest", "watch"):
        assert "--allow-private-urls" in runner.invoke(app, [command, "-h"]).stdout, command


def test_an_unknown_embedder_is_one_line_and_exit_code_2() -> None:
    done = _main("stories", "--embedder", "nonesuch", "examples/corpus")
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith("newsfuse: unknown embedder 'nonesuch': choose one of ")
    assert done.stdout == ""


def test_help_loads_none_of_the_pipeline() -> None:
    # --help must answer before spaCy, scikit-learn or trafilatura load (bench/cli.py times it).
    code = (
        "import sys; from newsfuse.cli import app; "
        "from typer.testing import CliRunner; CliRunner().invoke(app, ['--help']); "
        "print(sorted(m for m in ('spacy', 'sklearn', 'trafilatura', 'newsfuse.service') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "[]", done.stderr
