"""docs/gallery holds a current chart of every example."""

import json
import runpy

import pytest

from ..conftest import EXAMPLES, ROOT

GALLERY = ROOT / "docs" / "gallery"
EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="module")
def fingerprint():
    return runpy.run_path(str(GALLERY / "build.py"))["fingerprint"]


@pytest.mark.parametrize("kind, magic", [("png", b"\x89PNG\r\n\x1a\n"), ("html", b"<!DOCTYPE html>")])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_gallery_image_exists_and_matches_its_example(name, kind, magic, fingerprint):
    image = GALLERY / f"{name}.{kind}"
    assert image.exists(), f"{image} is missing: run python docs/gallery/build.py"
    assert image.read_bytes().startswith(magic)
    manifest = json.loads((GALLERY / "manifest.json").read_text())
    recorded = manifest.get(f"{name}.{kind}")
    current = fingerprint(EXAMPLES / f"{name}.yaml")
    assert recorded is not None and {k: recorded[k] for k in current} == current, \
        f"{image} is stale against examples/{name}.yaml: run python docs/gallery/build.py"


def test_gallery_shows_every_image():
    readme = (GALLERY / "README.md").read_text()
    for name in EXAMPLE_NAMES:
        assert f"]({name}.png)" in readme
        assert f"]({name}.html)" in readme
