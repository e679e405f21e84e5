"""A clinic's own directory (`--data DIR`) is laid over the built-in content.

New records are added; a record with a built-in id replaces the built-in one
only if it is valid, otherwise the built-in one stays and the clinic's file is
named. Clinic files are only read. Built-in ids are taken from whatever the
bundle holds, so these tests do not depend on particular shipped regions.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bad_input.corpus import clinic_lines
from helpers import CONDITION, SOURCES, SVG, make_content, region_yaml

from viewer.bundle import Bundle, load_bundle
from viewer.content.model import Region


@pytest.fixture(scope="module")
def builtin() -> Bundle:
    return load_bundle(with_outlines=True)


def clinic(tmp_path: Path) -> Path:
    """A clinic dir with its own source, condition, two regions and a drawing of its own."""
    root = make_content(tmp_path / "clinic")
    (root / "assets/test_view.svg").rename(root / "assets/clinic_view.svg")
    regions = (region_yaml("alpha") + region_yaml("beta")).replace("test_view", "clinic_view")
    (root / "data/regions/test.yaml").write_text(regions)
    return root


def drawn_region(builtin: Bundle) -> Region:
    return next(r for r in builtin.atlas.regions.values() if builtin.views_of(r.id))


def messages(bundle: Bundle) -> list[str]:
    return [str(problem) for problem in bundle.problems]


def clinic_problems(bundle: Bundle) -> list[str]:
    return clinic_lines("\n".join(messages(bundle)))


def test_clinic_records_are_added_to_the_builtin_ones(tmp_path: Path, builtin: Bundle) -> None:
    bundle = load_bundle(clinic(tmp_path), with_outlines=True, layered=True)
    assert clinic_problems(bundle) == []
    assert set(bundle.atlas.regions) == set(builtin.atlas.regions) | {"alpha", "beta"}
    assert "cond" in bundle.atlas.conditions
    assert "src" in bundle.atlas.sources
    assert list(bundle.drawings) == [*builtin.drawings, "clinic_view"]
    assert bundle.views_of("alpha") == ["clinic_view"]
    assert set(bundle.geometry["clinic_view"].outlines) == {"alpha", "beta"}


def test_a_valid_clinic_record_replaces_the_builtin_one(tmp_path: Path, builtin: Bundle) -> None:
    root = clinic(tmp_path)
    target = next(iter(builtin.atlas.conditions))
    text = CONDITION.replace("id: cond", f"id: {target}").replace("Test condition", "Ours")
    (root / f"data/conditions/{target}.yaml").write_text(text)
    bundle = load_bundle(root, layered=True)
    assert clinic_problems(bundle) == []
    assert bundle.atlas.conditions[target].name == "Ours"
    assert list(bundle.atlas.conditions)[: len(builtin.atlas.conditions)] == list(
        builtin.atlas.conditions
    )  # same place in the order


def test_a_broken_clinic_record_leaves_the_builtin_one(tmp_path: Path, builtin: Bundle) -> None:
    root = clinic(tmp_path)
    target = next(iter(builtin.atlas.conditions))
    text = CONDITION.replace("id: cond", f"id: {target}").replace("summary: A summary.\n", "")
    (root / f"data/conditions/{target}.yaml").write_text(text)
    bundle = load_bundle(root, layered=True)
    name = f"data/conditions/{target}.yaml"
    assert f"{name}:1:1: condition: missing 'summary'" in clinic_problems(bundle)
    assert (
        f"{name}:1:5: condition {target!r} is not replaced (it has problems): "
        "the built-in one is kept"
    ) in clinic_problems(bundle)
    assert bundle.atlas.conditions[target] == builtin.atlas.conditions[target]


def test_a_clinic_record_pointing_nowhere_leaves_the_builtin_one(
    tmp_path: Path, builtin: Bundle
) -> None:
    root = clinic(tmp_path)
    region = drawn_region(builtin)
    views = ", ".join(region.views)
    text = region_yaml(region.id, "no_such_condition").replace("[test_view]", f"[{views}]")
    (root / "data/regions/override.yaml").write_text(text)
    bundle = load_bundle(root, with_outlines=True, layered=True)
    found = clinic_problems(bundle)
    line = text[: text.index("condition: no_such")].count("\n") + 1
    assert f"data/regions/override.yaml:{line}:18: unknown condition 'no_such_condition'" in found
    assert any(
        m.startswith(f"data/regions/override.yaml:1:7: region {region.id!r} is not replaced")
        and "unknown condition 'no_such_condition'" in m
        for m in found
    ), found
    assert bundle.atlas.regions[region.id] == region
    assert bundle.views_of(region.id) == builtin.views_of(region.id)


def test_a_clinic_region_without_its_shape_leaves_the_builtin_one(
    tmp_path: Path, builtin: Bundle
) -> None:
    root = clinic(tmp_path)
    region = drawn_region(builtin)
    text = region_yaml(region.id).replace("[test_view]", "[clinic_view]")
    (root / "data/regions/override.yaml").write_text(text)
    bundle = load_bundle(root, layered=True)
    assert any(
        f"region {region.id!r} is not replaced (no shape in the clinic_view drawing)" in m
        for m in clinic_problems(bundle)
    )
    assert bundle.atlas.regions[region.id] == region


def test_a_clinic_drawing_missing_builtin_shapes_leaves_the_builtin_one(
    tmp_path: Path, builtin: Bundle
) -> None:
    root = clinic(tmp_path)
    view = next(iter(builtin.drawings))
    (root / f"assets/{view}.svg").write_text(SVG)
    bundle = load_bundle(root, with_outlines=True, layered=True)
    assert any(
        m.startswith(f"assets/{view}.svg: drawing {view!r} is not replaced (it lacks ")
        for m in clinic_problems(bundle)
    ), clinic_problems(bundle)
    assert bundle.drawings[view] == builtin.drawings[view]
    assert bundle.geometry[view] == builtin.geometry[view]


def test_an_empty_clinic_directory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    bundle = load_bundle(tmp_path / "empty", layered=True)
    assert any("no content here" in m for m in clinic_problems(bundle))


def test_a_clinic_with_only_sources_needs_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "only").mkdir()
    (tmp_path / "only/sources.yaml").write_text(SOURCES)
    bundle = load_bundle(tmp_path / "only", layered=True)
    assert clinic_problems(bundle) == []
    assert "src" in bundle.atlas.sources


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(cwd / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "viewer", *args],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=60, check=False,
    )  # fmt: skip


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(path.relative_to(root)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_check_dir_checks_it_as_laid_over_the_builtin(tmp_path: Path, builtin: Bundle) -> None:
    root = clinic(tmp_path)
    target = next(iter(builtin.atlas.conditions))
    (root / f"data/conditions/{target}.yaml").write_text(
        CONDITION.replace("id: cond", f"id: {target}") + "colour: blue\n"
    )
    result = run("check", str(root), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    end = CONDITION.count("\n") + 1  # the appended key's line
    assert (
        f"data/conditions/{target}.yaml:{end}:1: condition: unknown key 'colour'" in result.stdout
    )
    assert f"condition {target!r} is not replaced (it has problems)" in result.stdout


def test_the_app_with_clinic_data_shows_builtin_and_clinic_regions_and_writes_nothing(
    tmp_path: Path, builtin: Bundle
) -> None:
    root = clinic(tmp_path)
    (root / "data/conditions/broken.yaml").write_text("id: [unclosed\n")
    before = snapshot(root)
    for region in ("alpha", drawn_region(builtin).id):
        out = tmp_path / f"{region}.png"
        result = run("--data", str(root), "screenshot", str(out), "--region", region, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 1000
    assert run("check", str(root), cwd=tmp_path).returncode == 1
    assert snapshot(root) == before
