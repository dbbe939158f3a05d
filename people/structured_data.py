"""schema.org descriptions of people and organisations."""


def same_as(record, imdb_kind):
    links = []
    if record.wikidata_id:
        links.append(f"https://www.wikidata.org/wiki/{record.wikidata_id}")
    if record.imdb_id:
        links.append(f"https://www.imdb.com/{imdb_kind}/{record.imdb_id}/")
    return links


def person(person, absolute):
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": absolute(person.get_absolute_url()),
    }
    if person.aliases:
        data["alternateName"] = person.aliases
    if person.bio:
        data["description"] = person.bio
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
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "url": absolute(organisation.get_absolute_url()),
    }
    if organisation.aliases:
        data["alternateName"] = organisation.aliases
    if organisation.description:
        data["description"] = organisation.description
    if organisation.founded:
        data["foundingDate"] = str(organisation.founded)
    if organisation.website:
        data["sameAs"] = [organisation.website, *same_as(organisation, "company")]
    elif links := same_as(organisation, "company"):
        data["sameAs"] = links
    return data
