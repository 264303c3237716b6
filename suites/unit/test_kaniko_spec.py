"""Which kaniko executor a run uses, its label, and the defaults that shape the plan."""
from __future__ import annotations

import pytest

from model.kaniko_spec import DEFAULT_KANIKO, FORK_MODULE, UPSTREAM_MODULE, KanikoSpec, parse_kaniko_spec, kaniko_behaviour

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "spec", "label"),
    [
        pytest.param("v1.24.0", KanikoSpec(UPSTREAM_MODULE, "v1.24.0"), "v1.24.0", id="bare-version-is-upstream"),
        pytest.param("fork@v1.2.3", KanikoSpec(FORK_MODULE, "v1.2.3"), "fork-v1.2.3", id="fork-alias"),
        pytest.param("github.com/someone/kaniko@v1.9.2-rc.1", KanikoSpec("github.com/someone/kaniko", "v1.9.2-rc.1"),
                     "someone-v1.9.2-rc.1", id="module-path"),
    ],
)
def test_parse_kaniko_spec(text: str, spec: KanikoSpec, label: str) -> None:
    assert parse_kaniko_spec(text) == spec
    assert spec.label == label


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1.24.0", id="no-v"),
        pytest.param("v1.24", id="two-parts"),
        pytest.param("fork@latest", id="not-a-version"),
    ],
)
def test_bad_spec_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError, match=r"not of the form \[MODULE@\]vX\.Y\.Z"):
        parse_kaniko_spec(text)


@pytest.mark.parametrize(
    ("spec", "flags", "skip_unused"),
    [
        pytest.param(DEFAULT_KANIKO, (), False, id="upstream-builds-every-stage"),
        pytest.param(parse_kaniko_spec("fork@v1.28.5"), (), True, id="fork-skips-unused-stages"),
        pytest.param(DEFAULT_KANIKO, ("--skip-unused-stages",), True, id="upstream-with-flag"),
        pytest.param(parse_kaniko_spec("fork@v1.28.5"), ("--skip-unused-stages=false",), False,
                     id="fork-flag-false-wins"),
        pytest.param(DEFAULT_KANIKO, ("--ignore-path=/usr/bin/qemu-aarch64-static",), False,
                     id="other-flags-change-nothing"),
    ],
)
def test_behaviour(spec: KanikoSpec, flags: tuple[str, ...], skip_unused: bool) -> None:
    assert spec.behaviour(flags).skip_unused_stages is skip_unused


def test_ignore_path_flags_become_behaviour() -> None:
    behaviour = kaniko_behaviour(("--ignore-path=/usr/bin", "--cache=false", "--ignore-path=/opt/x"))
    assert behaviour.ignore_paths == ("/usr/bin", "/opt/x")
    assert behaviour.skip_unused_stages is False
