"""What a source's address may be: the original (publisher, DOI, PubMed, PMC, NCBI
Bookshelf, a society's page) over http(s), never a reposting or staging copy."""

from __future__ import annotations

from urllib.parse import urlsplit

# Hosts that repost other people's documents, and staging or test copies of sites.
REPOSTING_HOSTS: tuple[str, ...] = (
    "scribd.com", "docslib.org", "vdocuments.mx", "vdocuments.net", "vdocuments.site",
    "moam.info", "doczz.net", "doczz.org", "slideshare.net", "pdfslide.net", "pdfslide.us",
    "aneskey.com", "musculoskeletalkey.com", "basicmedicalkey.com", "radiologykey.com",
    "clinicalgate.com", "entokey.com", "obgynkey.com", "plasticsurgerykey.com",
    "qxmd.com", "scite.ai", "researchgate.net", "academia.edu", "studocu.com",
    "coursehero.com", "pdfcoffee.com", "dokumen.pub", "silo.tips", "epdf.pub", "epdf.tips",
    "documents.pub", "idoc.pub", "fliphtml5.com", "issuu.com", "yumpu.com", "docplayer.net",
)  # fmt: skip
_STAGING_LABELS = ("test", "staging", "stage", "dev", "preview", "beta")


def url_problem(url: str) -> str:
    """Why this address may not be cited, or "" if it may."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return f"url {url!r} is not a web address"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"url must be an http(s) address, not {url!r}"
    host = parts.hostname.lower().rstrip(".")
    for reposting in REPOSTING_HOSTS:
        if host == reposting or host.endswith("." + reposting):
            return (
                f"url is on {reposting}, which reposts others' documents: cite the original "
                "(publisher, DOI, PubMed, PMC or NCBI Bookshelf)"
            )
    if host.split(".")[0] in _STAGING_LABELS:
        return f"url is on a staging or test host ({host}): cite the published page"
    return ""
