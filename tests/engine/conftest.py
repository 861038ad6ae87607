"""The Spark engine's tests run Spark in local mode; they skip, saying why, without PySpark or Java."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.evaluation.stories import load_ecbplus
from tests.conftest import EVAL, need


def _spark_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "PySpark is not installed (pip install 'newsfuse[spark]')"
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        return "no Java runtime (scripts/install-test-deps installs openjdk-17-jre-headless)"
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = _spark_missing()
    if reason:
        for item in items:
            if "tests/engine" in str(item.fspath):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def ecb_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """ECB+ dev's documents as plain-text article files, one a document, named after it."""
    documents = load_ecbplus(need(EVAL / "ecbplus-dev"))
    folder = tmp_path_factory.mktemp("ecbplus")
    for document in documents:
        (folder / f"{Path(document.name).stem}.txt").write_text(document.text, encoding="utf-8")
    yield folder
