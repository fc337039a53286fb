"""Safe output: atomic, regular files only, symlinks followed and kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.io.files import write_atomic


@pytest.mark.parametrize("kind", ["device", "fifo", "folder"])
def test_only_regular_files_are_written(tmp_path: Path, kind: str) -> None:
    if kind == "device":
        target = Path("/dev/null")
    elif kind == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
    else:
        target = tmp_path / "folder"
        target.mkdir()
    before = os.stat(target)
    with pytest.raises(argmap.FileError, match="not a regular file") as caught:
        write_atomic(target, "x")
    assert caught.value.path == str(target)
    after = os.stat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)


def test_cli_refuses_a_device_as_output_and_leaves_it_alone(tmp_path: Path) -> None:
    before = os.stat("/dev/null")
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "corpus", "show", "school-phones"], capture_output=True, text=True
    )
    assert run.returncode == 0
    source = tmp_path / "m.yaml"
    argmap.dump(argmap.load_corpus("school-phones"), source)
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(source), "-o", "/dev/null", "--format", "dot"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "not a regular file" in run.stderr + run.stdout
    assert "Traceback" not in run.stderr
    after = os.stat("/dev/null")
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
