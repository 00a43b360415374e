"""Commands, keys and their help: the command table, keymap, key dispatch."""
