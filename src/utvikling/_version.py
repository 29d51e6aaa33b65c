"""The package version: the single source read by the build and by ``--version``."""

__version__ = "0.1.0"
