"""Qt-free core: content records, loading, validation, rendering.

Nothing in this package may import PySide6 (tests/test_architecture.py keeps it so).
"""
