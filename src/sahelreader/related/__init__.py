"""Related sources of one article: what it cites, other coverage of its story, its links.

- `inputs`: `RelatedInputs`, what the caller (the Library) hands in; nothing here imports it.
- `coverage`: `related()`, the candidates from the index and their scoring.
- `duplicates`: near-duplicate copies, by word shingles.
- `result`: `Related` and `Coverage`, what the side panel and `related --json` show.
"""
