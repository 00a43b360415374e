"""The window and its commands: start-up, composition, loading and history, chrome."""
