"""What a platform writer reports back: its posts and the engagement totals it emitted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .posts import Post


@dataclass
class PlatformResult:
    platform: str
    posts: list[Post]
    likes: int = 0
    comments: int = 0
    shares: int = 0
    definitions: dict[str, str] = field(default_factory=dict)
    restated: dict[str, Any] | None = None
