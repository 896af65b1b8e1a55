"""Print the pinned requirements from pyproject.toml (runtime and test), one a line, for pip -r."""
import pathlib
import tomllib

project = tomllib.loads(pathlib.Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
    print(requirement)
