"""The text toolkit: the one way each of these is done, for every part of the app.

- ``fold``: accent folding (the search index's table), also case-keeping and same-length;
- ``language``: the language guess (a function-word vote);
- ``sentences``: the sentence splitter, with the one list of abbreviations;
- ``names``: the known names by type, and the words that are never names;
- ``words``: how many words a text has, Chinese and Japanese included;
- ``wordlists``: how the bundled lists in a package's ``data/`` folder are read.

The lists themselves are in ``data/``. Nothing here imports the rest of sahelreader.
"""
