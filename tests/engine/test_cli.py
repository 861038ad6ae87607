"""`newsfuse stories --engine spark`: the same JSON as the local engine on ECB+ dev, and Parquet output."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsfuse.cli import app
from tests.conftest import SEEDS, need


def test_stories_engine_spark_gives_the_local_partition_on_ecbplus_dev(ecb_folder: Path) -> None:
    local = CliRunner().invoke(app, ["stories", str(ecb_folder), "--engine", "local"])
    distributed = CliRunner().invoke(
        app, ["stories", str(ecb_folder), "--engine", "spark", "--spark-master", "local[2]"]
    )
    # Six of the 772 documents hold no article text: both engines report them and exit 2.
    assert local.exit_code == distributed.exit_code == 2, distributed.output
    assert local.stdout.count('"headline"') > 60  # ECB+ dev holds 66 events
    assert distributed.stdout == local.stdout
    assert distributed.stderr == local.stderr


def test_parquet_output_needs_the_spark_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["stories", str(need(SEEDS)), "--parquet", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "--parquet needs --engine spark" in result.output
    assert not (tmp_path / "out").exists()


def test_parquet_output_reports_what_it_wrote(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["stories", str(need(SEEDS)), "--engine", "spark", "--spark-master", "local[2]", "--parquet", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "5 articles in 1 stories, 0 failures" in result.stdout
    assert {p.name for p in out.iterdir()} == {"articles", "stories", "failures"}
