from django.templatetags.static import static


def test_admin_login_page_renders(client, db):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert b'name="username"' in response.content
    assert b"csrfmiddlewaretoken" in response.content


def test_home_page_renders(client, db):
    response = client.get("/")

    assert response.status_code == 200
    assert b"<h1" in response.content


def test_static_files_have_hashed_names_and_far_future_cache_headers(
    collected_client,
):
    url = static("css/site.css")
    response = collected_client.get(url)

    assert url != "/static/css/site.css"
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    assert "max-age=315360000" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    compressed = collected_client.get(url, headers={"accept-encoding": "gzip"})
    assert compressed["Content-Encoding"] == "gzip"


def test_collected_files_are_compressed_except_source_maps(static_root):
    assert list(static_root.glob("css/site.*.css.br"))
    assert list(static_root.glob("django_prose_editor/editor.*.js.br"))
    assert list(static_root.glob("django_prose_editor/*.map"))
    assert not list(static_root.glob("django_prose_editor/*.map.br"))
