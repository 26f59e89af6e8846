"""How the rules guess where nothing decides (measured settings; see bench/README.md)."""

# Rule guesses the tagger found nothing at are dropped: measured on wikigold and re3d.
KEEP_GUESSES = False
DEFAULT_MULTI = "person"
DEFAULT_AFTER_THE = ""
DEFAULT_SINGLE = ""
COMMON_WORD_ORG = "organisation"
WEAK_PARTS = True
# The rules' guesses the tagger types (as classify.py names them): a run of unknown capitalised
# words ("multi") and a listed name run into unknown words ("listed-part"). Measured on the DEV
# set and wikigold's tune quarters (bench/README.md, "Entity model"): the tagger was right more
# often than these guesses, less often than the others ("common": a word of the name is seen in
# lower case; "part": a later surname; "verb": a name before "said"; "prep": after "in"...).
ARBITER_GUESSES = frozenset({"multi", "listed-part"})
# How much more the tagger must score its type than the guessed one (measured: 0 was best on
# wikigold's tune quarters with a tagger trained without them; 5000 lost company names).
ARBITER_MARGIN = 0
