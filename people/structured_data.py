"""schema.org descriptions of people and organisations."""


def same_as(record, imdb_kind):
    links = []
    if record.wikidata_id:
        links.append(f"https://www.wikidata.org/wiki/{record.wikidata_id}")
    if record.imdb_id:
        links.append(f"https://www.imdb.com/{imdb_kind}/{record.imdb_id}/")
    return links


def _named(schema_type, record, absolute):
    """What a Person and an Organization share: name, page, other names, summary."""
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": record.name,
        "url": absolute(record.get_absolute_url()),
    }
    if record.aliases:
        data["alternateName"] = record.aliases
    data["description"] = record.summary
    return data


def person(person, absolute):
    data = _named("Person", person, absolute)
    if person.birth_year:
        data["birthDate"] = str(person.birth_year)
    if person.death_year:
        data["deathDate"] = str(person.death_year)
    if person.portrait:
        data["image"] = absolute(person.portrait.url)
    if links := same_as(person, "name"):
        data["sameAs"] = links
    return data


def organisation(organisation, absolute):
    data = _named("Organization", organisation, absolute)
    if organisation.founded:
        data["foundingDate"] = str(organisation.founded)
    if organisation.website:
        data["sameAs"] = [organisation.website, *same_as(organisation, "company")]
    elif links := same_as(organisation, "company"):
        data["sameAs"] = links
    return data
