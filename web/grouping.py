"""Rows grouped for pages that list them by year (an award's hub, its presenter's page)."""


def by_year(rows, order):
    """[(year, rows of that year sorted by the key `order`)], newest year first."""
    years = {}
    for row in rows:
        years.setdefault(row.year, []).append(row)
    return [
        (year, sorted(found, key=order))
        for year, found in sorted(years.items(), reverse=True)
    ]
