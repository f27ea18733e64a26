"""Runs measured as users run an installed wenlint: with its bytecode compiled.

`pip install` compiles a package's modules; a shell with PYTHONDONTWRITEBYTECODE set (some
containers and CI images set it) never writes them, so every measured process would compile the
modules changed since the last write, a cost no user pays. Each benchmark calls `as_installed()`
first: the variable is dropped for the processes it starts, and the package is compiled once.
"""

from __future__ import annotations

import os
import subprocess
import sys

_COMPILE = ("import compileall, os, wenlint; "
            "compileall.compile_dir(os.path.dirname(wenlint.__file__), quiet=1)")


def as_installed() -> None:
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False
    subprocess.run([sys.executable, "-c", _COMPILE], check=True)
