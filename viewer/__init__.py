"""Offline lower-limb anatomy reference viewer."""

__version__ = "0.2.0"
