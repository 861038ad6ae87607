"""The API's docs pages work offline: every script and style they load is served by the app itself."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_docs_load_nothing_from_the_network(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        html = client.get(page)
        assert html.status_code == 200
        assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html.text)
        scripts = [a for a in assets if a.endswith((".js", ".css"))]
        assert scripts, page
        for asset in scripts:
            assert not re.match(r"(?:https?:)?//", asset), f"{page} loads {asset} from elsewhere"
            served = client.get(asset)
            assert served.status_code == 200 and len(served.content) > 10_000, asset
    assert client.get("/openapi.json").json()["info"]["title"] == "newsfuse"
