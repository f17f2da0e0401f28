"""One module per page of the workshop. Each has ``build()`` (the page widget) and ``show()``
(what its notebook calls), and nothing else the notebook needs."""
