"""The desktop bundle's entry point (PyInstaller): the same as `anatomy-viewer`."""

import sys

from viewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
