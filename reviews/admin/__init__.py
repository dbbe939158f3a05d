"""The pieces' admin, along the lines editors think in: the piece form
(piece_form), its history (history), its workflow buttons and actions
(workflow), the import page (import_page), the front page (front_page), and
the admin that puts them together (pieces)."""

from reviews.admin import addresses, front_page, pieces, topics  # noqa: F401  (register the admins)
