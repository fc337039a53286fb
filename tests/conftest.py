from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_2e6856107fa2ed48.txt"

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("the seed article is not present in ../shared/seeds")
    return SEED.read_bytes().decode("utf-8")


def has_engine() -> bool:
    """Whether a Graphviz layout engine (bundled pygraphviz or dot on PATH) is available."""
    from argmap.render import available_engines

    return bool(available_engines())


def chromium() -> str | None:
    """The headless browser the print tests use, when installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip tests marked ``needs_engine`` or ``browser`` where the machine lacks them, saying why."""
    engine = has_engine()
    browser = chromium() is not None
    for item in items:
        if "needs_engine" in item.keywords and not engine:
            item.add_marker(pytest.mark.skip(reason="no Graphviz layout engine here"))
        if "browser" in item.keywords and not browser:
            item.add_marker(pytest.mark.skip(reason="chromium is not on PATH"))
