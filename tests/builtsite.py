"""Read the built site: its pages, where their links point, and what a first load costs."""

import functools
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site."""
    return sorted(site.rglob("*.html"))


def parsed(page: Path) -> BeautifulSoup:
    """``page`` parsed, once per process while the file is unchanged: the site-wide tests read the
    same pages, and parsing is most of what they cost. Callers read the tree and never change it."""
    stat = page.stat()
    return _parse(page, stat.st_mtime_ns, stat.st_size)


@functools.cache
def _parse(page: Path, modified_ns: int, size: int) -> BeautifulSoup:
    """``page`` parsed; the file's modification time and size make an edited file a new entry."""
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The file an internal ``href`` on ``page`` points at, and its fragment."""
    parts = urlsplit(href)
    if parts.path.startswith("/"):
        target = site / unquote(parts.path).lstrip("/")
    else:
        target = page.parent / unquote(parts.path)
    if parts.path == "" or parts.path.endswith("/") or target.is_dir():
        target = target / "index.html" if parts.path else page
    return Path(PurePosixPath(*target.resolve().parts)), parts.fragment


def ids_of(page: Path) -> set[str]:
    """Every id and anchor name on ``page``."""
    soup = parsed(page)
    return {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}


def broken_links(site: Path, page: Path, ids: dict[Path, set[str]]) -> list[str]:
    """The internal links of ``page`` whose file or anchor does not exist; ``ids`` caches anchors."""
    soup = parsed(page)
    broken = []
    for tag in soup.find_all("a", href=True):
        href = tag["href"]
        if urlsplit(href).scheme or href.startswith("//"):
            continue
        target, fragment = resolve(site, page, href)
        if not target.is_file():
            broken.append(f"{href} (no {target.relative_to(site) if site in target.parents else target})")
        elif fragment and target.suffix == ".html":
            if target not in ids:
                ids[target] = ids_of(target)
            if unquote(fragment) not in ids[target]:
                broken.append(f"{href} (no #{fragment} in {target.relative_to(site)})")
    return broken


def first_load_bytes(site: Path, page: Path) -> int:
    """Bytes of ``page`` plus the local stylesheets and scripts it references, uncompressed."""
    soup = parsed(page)
    references = [tag["src"] for tag in soup.find_all("script", src=True)]
    references += [tag["href"] for tag in soup.find_all("link", href=True) if "stylesheet" in tag.get("rel", [])]
    total = page.stat().st_size
    for reference in references:
        if not urlsplit(reference).netloc:
            total += resolve(site, page, reference)[0].stat().st_size
    return total
