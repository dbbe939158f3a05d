from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reviews.importing import ImportRefused, import_piece
from reviews.models import Review


class Command(BaseCommand):
    help = "Make a draft piece from a .txt, .md, .html or .docx file; prints its slug last."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--headline", required=True)
        parser.add_argument("--film", default="", help="the slug of the film")
        parser.add_argument("--author", default="", help="a person's name or alias")
        parser.add_argument(
            "--kind", default=Review.Kind.REVIEW, choices=Review.Kind.values
        )
        parser.add_argument("--topic", action="append", default=[], dest="topics")

    def handle(self, *args, file, headline, film, author, kind, topics, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        try:
            report = import_piece(
                data,
                headline=headline,
                filename=file.name,
                film_slug=film,
                author=author,
                kind=kind,
                topics=topics,
            )
        except ImportRefused as refusal:
            raise CommandError(str(refusal)) from None
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(report.piece.slug)
