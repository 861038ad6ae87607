"""The web pages (server-rendered Jinja2, no JavaScript, no assets from elsewhere): `web_router`.

All article text is untrusted: templates autoescape everything, and highlighted passages are built
from text segments (`marks.segments`), never from markup strings.
"""

from newsfuse.web.routes import web_router

__all__ = ["web_router"]
