"""A rich-text document that never loads anything it names.

Qt's rich text fetches <img src>, style sheets and other resources on its own,
including local files. Content is untrusted: every document the app lays out
from content (the details page, the handout) is one of these, so this is the
one guard. Images the app itself supplies are added with addResource().
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl  # named only: PySide makes its type and 5 enums (1 ms)


class InertDocument(QTextDocument):
    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return None
