"""The facts panel beside the article: its list, its controller and worker."""
