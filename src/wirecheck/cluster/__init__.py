"""Cluster stage: which event an article reports, and which articles are copies of one story.

`signature` turns an analysed article into what the index needs; `EventIndex.place` finds
its event incrementally (no re-clustering of the store) and `EventIndex.refine` clusters the
neighbourhood of the events a batch touched again, in a fixed order; `source_groups` finds
copies.
"""

from wirecheck.cluster.index import EventIndex, Move, Placement, Refinement
from wirecheck.cluster.signature import Signature, signature
from wirecheck.cluster.sources import source_groups

__all__ = [
    "EventIndex",
    "Move",
    "Placement",
    "Refinement",
    "Signature",
    "signature",
    "source_groups",
]
