"""social_comments/comments: comments on own posts, and the brand's replies to some of them.

Each post gets as many comments as its platform reports (``Post.comment_count``), so comment
counts agree with the connectors.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from datetime import datetime, timedelta

from .brands import OWN_IDS
from .clock import local_date, sync_time
from .config import Period
from .conversations import Conversations
from .posts import Post
from .randomness import stream
from .textgen import COMMENTS_EN, REPLIES_FA, comment_text
from .writers import Sinks


def _comment_id(platform: str, post: Post, n: int) -> str:
    if platform == "facebook":
        return f"{post.post_id.split('_')[1]}_{n + 1}"
    if platform == "linkedin":
        return f"urn:li:comment:(urn:li:activity:{post.post_id.rsplit(':', 1)[1]},{n + 1})"
    if platform == "youtube":
        return f"Ugw{post.post_id}{n + 1:05d}"
    return str(int(post.post_id) + 10_000 + n)


def _when(rng: random.Random, post: Post, limit: datetime) -> datetime:
    span = (limit - post.published).total_seconds()
    frac = -math.log(1 - rng.random() * (1 - math.exp(-span / (post.tau_days * 86400))))
    seconds = min(span, max(60.0, frac * post.tau_days * 86400))
    return post.published + timedelta(seconds=round(seconds))


def write_comments(sinks: Sinks, seed: int, period: Period, posts: list[Post],
                   talk: Conversations) -> Counter[str]:
    """Writes the comments; returns rows per platform.

    The texts come from ``talk``; the draw of the former fixed text is kept so the stream,
    and every column drawn after it, stays as it was."""
    rng = stream(seed, "comments")
    sink = sinks("social_comments", "comments")
    counts: Counter[str] = Counter()
    for post in sorted(posts, key=lambda p: (p.published, p.post_id)):
        if post.comment_count <= 0:
            continue
        limit = sync_time(post.last_day(period)) - timedelta(minutes=5)
        rows = []
        for n in range(post.comment_count):
            rows.append((_when(rng, post, limit), n))
        rows.sort()
        top: list[tuple[str, datetime]] = []
        for when, n in rows:
            cid = _comment_id(post.platform, post, n)
            reply = bool(top) and rng.random() < 0.15
            parent = rng.choice(top) if reply else None
            when = max(when, parent[1] + timedelta(minutes=3)) if parent else when
            when = min(when, limit)
            author = OWN_IDS[post.platform] if reply else f"c{rng.randint(10**8, 10**9)}"
            former = rng.choice(REPLIES_FA) if reply else comment_text(rng)
            if reply:
                text = talk.reply(post.platform, cid)
            else:
                language = "en" if former in COMMENTS_EN else "fa"
                text = talk.comment(post.platform, cid, local_date(when), language)
            sink.write(f"comments_{post.day:%Y-%m}", {
                "platform": post.platform, "comment_id": cid, "post_id": post.post_id,
                "parent_comment_id": parent[0] if parent else None, "created_at": when,
                "author_id": author, "text": text.text,
                "like_count": 0 if reply else round(rng.expovariate(0.5)),
                "is_from_owner": reply,
            })
            if not reply:
                top.append((cid, when))
            counts[post.platform] += 1
    return counts
