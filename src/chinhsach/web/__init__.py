"""The local web application of ``chinhsach serve`` (Vietnamese interface, works offline).

    from chinhsach.web import create_app
    app = create_app(".chinhsach", max_upload_mb=20)   # a FastAPI app; run it with uvicorn

Every page and every ``/api/`` endpoint calls the same library functions as the CLI
(``Index.search``, ``answers.who``, ``answers.duties_of``, ``check.check_plan``,
``graph.build_graph``); this package only lays their results out. Its dependencies are the
``web`` extra: ``pip install 'chinhsach[web]'``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chinhsach.web.app import create_app


def __getattr__(name: str) -> Any:
    # FastAPI loads only when the app is asked for, so `import chinhsach.web` stays cheap.
    if name == "create_app":
        from chinhsach.web.app import create_app

        return create_app
    raise AttributeError(f"module 'chinhsach.web' has no attribute {name!r}")


__all__ = ["create_app"]
