"""Sample landing data for the social-media ROI warehouse, with a planted ground truth.

``generate(out_dir, scale, seed, end_date, bad_input)`` writes ``<out_dir>/<source>/<table>/*``
for every table of the landing contract and ``<out_dir>/_ground_truth.json``.
"""

from .generator import generate

__all__ = ["generate"]
