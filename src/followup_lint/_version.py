"""The package version, in a module of its own so that code run while the package is still
being imported (the on-disk cache keys) can read it."""

__version__ = "0.1.0"
