"""The network: fetching feeds and pages over http(s). Reading what is fetched is ingest's job.

Nothing here imports textual or the store; the Library decides what to fetch and keeps it.
"""
