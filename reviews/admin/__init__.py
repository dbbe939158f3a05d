"""The pieces' admin, along the lines editors think in: the piece form
(piece_form), its history (history), its workflow buttons and actions
(workflow), the import page (import_page), the front page (front_page), the image
library the pieces place their figures from (library), and the admin that
puts them together (pieces)."""

from reviews.admin import addresses, front_page, library, pieces, topics  # noqa: F401  (register the admins)
