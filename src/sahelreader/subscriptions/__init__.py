"""What a feed or a web address gives: one feed checked (fetched, parsed, full text fetched),
an address identified (a feed, a page linking to one, or a page), many checked in parallel.

No storage here: the Library decides what to keep. Nothing here imports textual.
"""

from sahelreader.subscriptions.check import FeedCheck, check_feed, is_local_feed, local_feed_url
from sahelreader.subscriptions.identify import Found, identify
from sahelreader.subscriptions.parallel import in_parallel

__all__ = [
    "FeedCheck",
    "Found",
    "check_feed",
    "identify",
    "in_parallel",
    "is_local_feed",
    "local_feed_url",
]
