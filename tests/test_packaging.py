"""What a plain `pip install .` ships: every data file the package reads at run time."""

import tomllib

from .conftest import ROOT


def test_every_data_file_in_the_package_is_declared_as_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["orgmodel"]
    package = ROOT / "orgmodel"
    shipped = {path for pattern in patterns for path in package.glob(pattern)}
    data = {path for path in package.rglob("*")
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts}
    assert data - shipped == set(), "add these to [tool.setuptools.package-data] in pyproject.toml"
