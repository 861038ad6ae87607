"""The store-backed use cases behind `newsfuse.service.Newsroom`, one job a module.

    filing      articles placed in their stories and committed (concurrent writes share a commit)
    bounds      what part of a very long article its brief reads, and the note saying so
    briefing    a story's brief rebuilt, an article that makes it fail left out and marked
    background  briefs rebuilt off the request path: one queue, bursts per story coalesced
    worker      a server's briefs computed in a worker process, stopped from outside when stuck
    feeds       feeds read and polled, with conditional GETs and backoff
    records     what these jobs hand back (placements, outcomes)

Only `newsfuse.service` wires them to the pipeline; the CLI, API and web reach them through it.
"""

from newsfuse.newsroom.records import BriefOutcome, Ingested, Placement

__all__ = ["BriefOutcome", "Ingested", "Placement"]
