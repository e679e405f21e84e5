"""The drawings: SVG files -> region ids, outlines and where they are written (Qt-free)."""
