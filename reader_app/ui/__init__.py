"""The PySide6 window over the core, in rooms: ``shell`` (start-up, the window and its
controllers), ``reading`` (the article on screen), ``facts`` (the panel beside it),
``keyboard`` (commands, keys and their help), ``library``, ``style`` and ``executor``
(background work)."""
