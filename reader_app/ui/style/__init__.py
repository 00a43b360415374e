"""How everything looks: themes, the reading style, overlay cards."""
