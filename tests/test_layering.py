"""DESIGN.md's layering, read from the imports: the interfaces (cli, api, web) go through the service
and the models; the models import nothing of ours but themselves and the errors."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "src" / "newsfuse"
# What each layer may import of newsfuse besides itself. `newsfuse.evaluation` is the measurement use
# cases: the `eval` commands are its thin wrappers, as the other commands are the service's.
INTERFACE_MAY = ("newsfuse.service", "newsfuse.models", "newsfuse.errors", "newsfuse.config")
ALLOWED = {
    "cli": (*INTERFACE_MAY, "newsfuse.api", "newsfuse.cli", "newsfuse.evaluation"),
    "api": (*INTERFACE_MAY, "newsfuse.api", "newsfuse.web"),
    "web": (*INTERFACE_MAY, "newsfuse.web"),
    "models": ("newsfuse.models", "newsfuse.errors"),
}


def _ours(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] if node.module != "newsfuse" else [f"newsfuse.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(name for name in names if name == "newsfuse" or name.startswith("newsfuse."))
    return found


def test_each_layer_imports_only_what_it_may() -> None:
    wrong = []
    for layer, allowed in ALLOWED.items():
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            for name in sorted(_ours(path)):
                if not any(name == prefix or name.startswith(prefix + ".") for prefix in allowed):
                    wrong.append(f"{path.relative_to(REPO)} imports {name}")
    assert not wrong, "\n".join(wrong)
