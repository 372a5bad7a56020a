"""Cluster stage: which event an article reports, and which articles are copies of one story.

`signature` turns an analysed article into what the index needs; `EventIndex.assign` finds
its event incrementally (no re-clustering of the store); `source_groups` finds copies.
"""

from wirecheck.cluster.index import EventIndex, Placement
from wirecheck.cluster.signature import Signature, signature
from wirecheck.cluster.sources import source_groups

__all__ = ["EventIndex", "Placement", "Signature", "signature", "source_groups"]
