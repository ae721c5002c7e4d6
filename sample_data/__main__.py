"""``python -m sample_data --out DIR [--scale small|default|large] [--seed 42] ...``"""

from .cli import main

raise SystemExit(main())
