"""The brief stage: one story's articles, provenance, facts, claims and conflicts in, a `Brief` out.

Sentences are picked from the sources (extractive by default, or reworded by an LLM composer and
checked against what they cite), placed in sections, and every one keeps the spans it stands on.
"""

from newsfuse.brief.builder import BriefBuilder, Composer, incomplete_brief

__all__ = ["BriefBuilder", "Composer", "incomplete_brief"]
