"""Entry script of the PyInstaller bundle: runs ``reader-app`` as the console script does."""

import sys

from reader_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
