import io
import re
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils.html import strip_tags

from reviews.models import Review
from tests.factories import make_film, make_person

pytestmark = pytest.mark.django_db

INTERVIEW = (
    "Last Men in Aleppo opens on a rooftop.\r\n"
    "The volunteers wait for the planes.\r\n"
    "\r\n"
    "After the bombs drop\r\n"
    "\r\n"
    "Khaled runs\tinto the dust,\u00a0calling out.\r\n"
    "\r\n"
    '"We don\'t choose who we save. We go where the smoke is."\r\n'
    "\r\n"
    'A volunteer says they "just dig".\r\n'
    "\r\n"
    "Sundance award\r\n"
    "\r\n"
    "The film won at the Sundance Film Festival in 2017.\r\n"
)


def run_import(tmp_path, name, content, *args, **options):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    output = []

    class Out:
        def write(self, text):
            output.append(text)

        def flush(self):
            pass

    options.setdefault("headline", "Rescue under siege")
    call_command("import_piece", str(path), *args, stdout=Out(), **options)
    return "".join(output).strip().splitlines()


def words(text):
    return re.findall(r"\w+", text.replace("’", "'"))


def test_plain_text_with_crlf_subheadings_and_quotes(tmp_path):
    make_film()

    lines = run_import(tmp_path, "piece.txt", INTERVIEW, film="last-men-in-aleppo-2017")

    piece = Review.objects.get()
    assert lines[-1] == piece.slug
    assert piece.status == Review.Status.DRAFT
    assert piece.film.slug == "last-men-in-aleppo-2017"
    blocks = re.findall(r"<(p|h2|blockquote)>", piece.body)
    assert blocks == ["p", "h2", "p", "blockquote", "p", "p", "h2", "p"]
    assert "<h2>After the bombs drop</h2>" in piece.body
    assert "<h2>Sundance award</h2>" in piece.body
    assert (
        "<blockquote><p>“We don’t choose who we save. We go where the smoke is.”</p>"
        in piece.body
    )
    assert "A volunteer says they “just dig”." in piece.body
    assert (
        "\t" not in piece.body and "\u00a0" not in piece.body and "\r" not in piece.body
    )
    assert words(strip_tags(piece.body)) == words(INTERVIEW)
    assert "Paragraphs: 4" in lines
    assert "Subheadings: 2" in lines
    assert "Quotes: 1" in lines


def test_the_report_lists_the_mentions(tmp_path, demo):
    lines = run_import(tmp_path, "piece.txt", INTERVIEW)

    mentions = next(line for line in lines if line.startswith("Mentions:"))
    assert "Khaled Omar Harrah" in mentions
    assert "Sundance Film Festival" in mentions
    assert "Last Men in Aleppo (2017)" in mentions


def test_markdown_keeps_structure_and_loses_scripts(tmp_path):
    markdown = (
        "# A title line\n\nSome *emphasis* and a [link](https://example.org/).\n\n"
        "## Sundance award\n\n> A quote.\n\n<script>alert(1)</script>\n\n"
        "[bad](javascript:alert(1))\n"
    )

    run_import(tmp_path, "piece.md", markdown)

    body = Review.objects.get().body
    assert "<h2>A title line</h2>" in body
    assert "<h2>Sundance award</h2>" in body
    assert "<em>emphasis</em>" in body
    assert 'href="https://example.org/"' in body
    assert "<blockquote>" in body
    assert "script" not in body
    assert "javascript" not in body


def test_html_keeps_structure_and_goes_through_the_sanitiser(tmp_path):
    html = (
        "<html><head><title>Ignored</title><style>p{}</style></head><body>"
        '<h1>Big</h1><p onclick="x()" style="color:red">Text with <b>bold</b>.</p>'
        '<h4>Small</h4><img src="x" onerror="alert(1)"><iframe src="//evil"></iframe>'
        "</body></html>"
    )

    run_import(tmp_path, "piece.html", html)

    body = Review.objects.get().body
    assert body == (
        "<h2>Big</h2><p>Text with <strong>bold</strong>.</p><h3>Small</h3>"
        '<p class="image-to-add">no alt text.</p>'
    )


def test_windows_1252_is_read_and_reported(tmp_path):
    lines = run_import(tmp_path, "piece.txt", "Un café à Alep.".encode("cp1252"))

    assert "Un café à Alep." in Review.objects.get().body
    assert any("Windows-1252" in line for line in lines)


def test_a_utf8_bom_is_dropped(tmp_path):
    run_import(tmp_path, "piece.txt", "\ufeffFirst words.".encode())

    assert Review.objects.get().body == "<p>First words.</p>"


def test_the_author_is_matched_by_alias_or_created(tmp_path):
    fayyad = make_person("Feras Fayyad", also_known_as="Firas Fayyad")

    run_import(tmp_path, "one.txt", "Text.", author="Firas Fayyad")
    run_import(tmp_path, "two.txt", "Text.", author="Ana Ferreira", headline="Two")

    first, second = Review.objects.order_by("pk")
    assert [b.person for b in first.bylines.all()] == [fayyad]
    assert second.bylines.get().person.name == "Ana Ferreira"


def test_kind_and_topics_are_set(tmp_path):
    run_import(tmp_path, "piece.txt", "Text.", kind="feature", topics=["Syria", "War"])

    piece = Review.objects.get()
    assert piece.kind == "feature"
    assert sorted(t.name for t in piece.topics.all()) == ["Syria", "War"]


@pytest.mark.parametrize(
    ("name", "content", "options", "message"),
    [
        ("piece.txt", "Text.", {"film": "no-such-film"}, "no film with the slug"),
        ("piece.txt", "", {}, "The file is empty."),
        ("piece.txt", "   \n\n ", {}, "The file is empty."),
        ("piece.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", {}, "binary"),
        ("piece.txt", "x" * (2 * 1024 * 1024 + 1), {}, "larger than 2 MB"),
        ("piece.txt", "Text.", {"headline": "  "}, "Give the piece a headline."),
        ("piece.pdf", "Text.", {}, "cannot be imported"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_created(
    tmp_path, name, content, options, message
):
    with pytest.raises(CommandError, match=message):
        run_import(tmp_path, name, content, **options)

    assert not Review.objects.exists()


def test_the_command_exits_1_with_one_sentence(manage, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")

    result = manage("import_piece", str(path), "--headline", "Nothing here")

    assert result.returncode == 1
    assert result.stderr.strip() == "CommandError: The file is empty."


def test_the_admin_imports_an_upload_as_a_draft(writer_client, writer):
    upload = SimpleUploadedFile("piece.txt", INTERVIEW.encode())

    response = writer_client.post(
        "/admin/reviews/review/import/",
        {"file": upload, "headline": "Rescue under siege", "kind": "review"},
        follow=True,
    )

    piece = Review.objects.get()
    assert (piece.status, piece.created_by) == (Review.Status.DRAFT, writer)
    assert "Subheadings: 2" in response.content.decode()


def test_the_admin_imports_pasted_text(editor_client):
    response = editor_client.post(
        "/admin/reviews/review/import/",
        {
            "text": "One.\n\nTwo.",
            "headline": "Pasted",
            "kind": "news",
            "topics": "A, B",
        },
    )

    assert response.status_code == 302
    piece = Review.objects.get()
    assert (piece.kind, piece.body) == ("news", "<p>One.</p>\n<p>Two.</p>")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"headline": "No text", "kind": "review"}, "Upload a file or paste the text"),
        ({"text": "Hello.", "kind": "review"}, "This field is required"),
        (
            {
                "file": SimpleUploadedFile("x.txt", b"\x00\x01"),
                "headline": "H",
                "kind": "review",
            },
            "binary",
        ),
    ],
)
def test_admin_import_errors_are_form_errors(editor_client, data, message):
    response = editor_client.post("/admin/reviews/review/import/", data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Review.objects.exists()


def test_the_changelist_links_to_the_import_page(editor_client):
    content = editor_client.get("/admin/reviews/review/").content.decode()

    assert 'href="/admin/reviews/review/import/"' in content


LISTS_AND_TURNS = (
    "Feras Fayyad spoke to us after the screening.\n"
    "\n"
    "What the film shows:\n"
    "- the rescues\n"
    "* the waiting\n"
    "• the funerals\n"
    "\n"
    "1. Watch it\n"
    "2) Talk about it\n"
    "\n"
    "Q: Why did you stay in Aleppo?\n"
    "A: Because the people stayed.\n"
    "It was that simple.\n"
    "\n"
    "Feras Fayyad: We filmed for two years.\n"
    "\n"
    "Q: And the editing?\n"
    "\n"
    "Feras Fayyad: Another year, in Copenhagen.\n"
    "\n"
    "Note: this interview was edited for length.\n"
)


def blocks(body):
    """Each top-level block of a body as (tag, its text), in order."""
    return [
        (tag, strip_tags(inner))
        for tag, inner in re.findall(
            r"<(p|h2|h3|ul|ol|blockquote)>(.*?)</\1>", body, re.S
        )
    ]


def test_plain_text_lists_and_interview_turns_keep_their_shape(tmp_path):
    lines = run_import(tmp_path, "interview.txt", LISTS_AND_TURNS)

    body = Review.objects.get().body
    assert blocks(body) == [
        ("p", "Feras Fayyad spoke to us after the screening."),
        ("p", "What the film shows:"),
        ("ul", "the rescuesthe waitingthe funerals"),
        ("ol", "Watch itTalk about it"),
        ("p", "Q: Why did you stay in Aleppo?"),
        ("p", "A: Because the people stayed. It was that simple."),
        ("p", "Feras Fayyad: We filmed for two years."),
        ("p", "Q: And the editing?"),
        ("p", "Feras Fayyad: Another year, in Copenhagen."),
        ("p", "Note: this interview was edited for length."),
    ]
    assert "<ul><li>the rescues</li><li>the waiting</li>" in body
    assert "<ol><li>Watch it</li><li>Talk about it</li></ol>" in body
    assert "<p><strong>Q:</strong> Why did you stay in Aleppo?</p>" in body
    assert "<p><strong>A:</strong> Because the people stayed." in body
    assert "<p><strong>Feras Fayyad:</strong> Another year" in body
    assert "<p>Note: this interview" in body
    assert words(re.sub(r"<[^>]+>", " ", body)) == [
        word for word in words(LISTS_AND_TURNS) if word not in ("1", "2")
    ]
    assert "Lists: 2" in lines


def test_list_items_in_blocks_of_their_own_make_one_list(tmp_path):
    run_import(tmp_path, "list.txt", "Before.\n\n- one\n\n- two\n\n- three\n\nAfter.")

    assert Review.objects.get().body == (
        "<p>Before.</p>\n<ul><li>one</li><li>two</li><li>three</li></ul>\n<p>After.</p>"
    )


def test_a_name_and_colon_once_in_prose_is_not_a_speaker(tmp_path):
    text = (
        "The festival opened quietly.\n\n"
        "Sundance: the jury met late and argued.\nThe prize went to Aleppo.\n\n"
        "The end."
    )

    run_import(tmp_path, "prose.txt", text)

    assert "<strong>" not in Review.objects.get().body


def docx_file():
    """A real Word document, built as Word would save it."""
    document = docx.Document()
    document.add_heading("Last Men in Aleppo", level=1)
    opening = document.add_paragraph("The film is ")
    opening.add_run("patient").italic = True
    opening.add_run(" and ")
    opening.add_run("unsentimental").bold = True
    opening.add_run(".")
    document.add_heading("After the bombs drop", level=2)
    document.add_paragraph("The rescues", style="List Bullet")
    document.add_paragraph("The waiting", style="List Bullet")
    document.add_paragraph("Watch it", style="List Number")
    document.add_paragraph("Talk about it", style="List Number")
    document.add_paragraph("Every rescue is a decision to stay.", style="Quote")
    document.add_heading("Sundance award", level=4)
    document.add_paragraph("It won in 2017.")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def test_a_word_document_keeps_headings_emphasis_lists_and_quotes(tmp_path):
    lines = run_import(tmp_path, "review.docx", docx_file())

    body = Review.objects.get().body
    assert blocks(body) == [
        ("h2", "Last Men in Aleppo"),
        ("p", "The film is patient and unsentimental."),
        ("h2", "After the bombs drop"),
        ("ul", "The rescuesThe waiting"),
        ("ol", "Watch itTalk about it"),
        ("blockquote", "Every rescue is a decision to stay."),
        ("h3", "Sundance award"),
        ("p", "It won in 2017."),
    ]
    assert "<em>patient</em>" in body
    assert "<strong>unsentimental</strong>" in body
    assert "<ul><li>The rescues</li><li>The waiting</li></ul>" in body
    assert "<blockquote><p>Every rescue is a decision to stay.</p></blockquote>" in body
    assert "Subheadings: 3" in lines
    assert "Lists: 2" in lines


def test_the_admin_imports_a_word_document(editor_client):
    upload = SimpleUploadedFile("review.docx", docx_file())

    response = editor_client.post(
        "/admin/reviews/review/import/",
        {"file": upload, "headline": "From Word", "kind": "review"},
    )

    assert response.status_code == 302
    assert "<h2>After the bombs drop</h2>" in Review.objects.get().body


def test_the_admin_import_form_names_every_format(editor_client):
    content = editor_client.get("/admin/reviews/review/import/").content.decode()

    assert "A .txt, .md, .html or .docx file" in content


def zipped(**files):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return output.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"Plain words, not a Word file.", "not a Word document"),
        (zipped(**{"notes.txt": "no document here"}), "not a Word document"),
        (zipped(**{"word/document.xml": "<w:document"}), "not a Word document"),
    ],
)
def test_a_damaged_word_document_is_refused(tmp_path, content, message):
    with pytest.raises(CommandError, match=message):
        run_import(tmp_path, "review.docx", content)

    assert not Review.objects.exists()
