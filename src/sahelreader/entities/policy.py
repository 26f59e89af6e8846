"""How the rules guess where nothing decides (measured settings; see bench/README.md)."""

# Rule guesses the tagger found nothing at are dropped: measured on wikigold and re3d.
KEEP_GUESSES = False
DEFAULT_MULTI = "person"
DEFAULT_AFTER_THE = ""
DEFAULT_SINGLE = ""
COMMON_WORD_ORG = "organisation"
WEAK_PARTS = True
