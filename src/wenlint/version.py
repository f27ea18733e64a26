"""wenlint's version, the one place it is written (pyproject reads it from here).

A module of its own at the bottom of the layers, so that code of any layer can name the version
without importing the package's `__init__`, which reaches the whole public API."""

__version__ = "0.1.0"
