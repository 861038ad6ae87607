"""The REST API (FastAPI) and, through it, the web pages: `create_app(settings)`; run by `newsfuse serve`.

Routes are in `routes/`, one module per resource; settings and the newsroom reach them through the
dependencies in `deps`, which tests override.
"""

from newsfuse.api.main import create_app
from newsfuse.api.settings import Settings

__all__ = ["Settings", "create_app"]
