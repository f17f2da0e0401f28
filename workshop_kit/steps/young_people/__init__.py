"""Personal outcomes with young people: plain words, children's cases (``cases``) and the page (``page``)."""
