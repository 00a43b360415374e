"""The library in the window: a view to list and search stored articles, its controller, and
the worker that stores every opened article off the GUI thread."""
