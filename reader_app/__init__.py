"""Reader: clean article text from cluttered web pages, with its key facts beside it."""

__version__ = "0.1.0"
APP_ID = "io.github.reader_app.Reader"
APP_NAME = "Reader"
