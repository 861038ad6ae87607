"""Every third-party package the code imports is declared in pyproject.toml: the runtime's in
`dependencies`, an optional backend's in its extra. A clean install then has what the code needs."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import REPO

SOURCE = REPO / "src" / "newsfuse"
# Modules no distribution installs as files: JPype's import hook serves Java's packages as `java.*`.
PROVIDED_BY = {"java": {"jpype1"}}


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imported() -> dict[str, set[str]]:
    """Top-level module -> the source files importing it, for every import of a module not ours."""
    found: dict[str, set[str]] = {}
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top != "newsfuse" and top not in sys.stdlib_module_names and top != "__future__":
                    found.setdefault(top, set()).add(str(path.relative_to(REPO)))
    return found


def test_every_imported_package_is_declared() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in project["dependencies"]}
    optional = {_name(r) for extra in project["optional-dependencies"].values() for r in extra}
    distributions = packages_distributions()
    missing = []
    for module, files in sorted(_imported().items()):
        names = PROVIDED_BY.get(module) or {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
        if not names & (declared | optional):
            missing.append(f"{module} (imported by {', '.join(sorted(files))})")
    assert not missing, "imported but not declared: " + "; ".join(missing)
