"""All of the window's background work: one executor service (``service.Executor``), its
thread lanes (``lanes``) and its helper processes (``helper``, ``jobs``).

This package's own import loads no Qt: the helper processes import parts of it.
"""
