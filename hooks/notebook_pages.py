"""MkDocs hook: notebook pages (the exercises) rendered by mkdocs-jupyter, in both languages.

- mkdocs-static-i18n rebuilds every file as a plain ``File`` after mkdocs-jupyter wrapped the
  notebooks as pages (mkdocs-static-i18n#198, open), so a notebook would come out as raw JSON.
  After the i18n plugin, each notebook is wrapped again, keeping the place the i18n plugin gave it.
- For the same reason the i18n plugin records no translation of a notebook, and the language
  switcher would lead to the other language's home page: each notebook page is given its twin.
- The i18n plugin lists each language's pages for its sitemap.xml before the notebooks are pages
  again: the list is made anew, so the sitemap names the exercises.
- The download link points at the notebook beside the page, relative to the site.
- The page is rendered straight into the markup of the site's own pages (hooks/notebook_cells.py),
  in place of mkdocs-jupyter's rendering through nbconvert, which the site parsed again to keep
  only the cells. mkdocs-jupyter still selects the notebooks (``include``, ``ignore``), makes
  them pages, gives them their download link (``nb_url``) and copies each notebook beside its page
  (``include_source``); its rendering options are checked to be those the site's rendering follows.
- mkdocs-jupyter leaves a Markdown cell's link to a page as written (``../graph.md#leaf-tensors``);
  it is pointed at that page of the site, as MkDocs does for a Markdown page's links.
"""

import os
import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from mkdocs_jupyter.plugin import NotebookFile
from mkdocs_static_i18n.folder import create_i18n_file
from notebook_cells import rendered_notebook  # beside this hook: MkDocs loads hooks with their folder importable

SOLUTION_LABEL = {"zh": "答案", "en": "Solution"}
_PAGE_LINK = re.compile(r'href="(?P<target>[^":#?]+\.md)(?P<fragment>#[^"]*)?"')
# mkdocs-jupyter's options that change a notebook's HTML, as hooks/notebook_cells.py renders it
RENDERING = {"execute": False, "show_input": True, "no_input": False, "remove_tag_config": {}, "highlight_extra_classes": ""}


def on_config(config):
    """Stop the build when mkdocs-jupyter is set to render notebooks otherwise than the site's rendering does."""
    options = config.plugins["mkdocs-jupyter"].config
    changed = {name: options[name] for name, value in RENDERING.items() if options[name] != value}
    if changed:
        raise PluginError(f"hooks/notebook_cells.py renders notebooks with mkdocs-jupyter's {RENDERING}, not {changed}")
    return config


def notebook_page(file: File, config) -> NotebookFile:
    """``file``, a notebook, wrapped as mkdocs-jupyter wraps it, at the place ``file`` has."""
    page = NotebookFile(file, use_directory_urls=config.use_directory_urls, site_dir=config.site_dir)
    page.dest_uri, page.abs_dest_path, page.url = file.dest_uri, file.abs_dest_path, file.url
    return page


@event_priority(-110)  # after mkdocs-static-i18n (-100), which undid mkdocs-jupyter's wrapping
def on_files(files, config):
    """Make each notebook the i18n plugin left as a plain file a page again, with its twins."""
    jupyter = config.plugins["mkdocs-jupyter"]
    for file in list(files):
        if not file.is_documentation_page() and jupyter.should_include(file):
            files.remove(file)
            files.append(notebook_page(file, config))
            _add_twins(file, config)
    i18n = config.plugins["i18n"]
    i18n.i18n_files_per_language[i18n.current_language] = files.documentation_pages()  # read by sitemap.xml
    return files


def _add_twins(file: File, config) -> None:
    """Record in ``file.alternates`` the same notebook in every other language that has it."""
    i18n = config.plugins["i18n"]
    for language in i18n.build_languages:
        twin = f"{language}/{file.norm_src_uri}"
        if language not in file.alternates and os.path.isfile(os.path.join(config.docs_dir, twin)):
            source = File(twin, config.docs_dir, config.site_dir, config.use_directory_urls)
            page = NotebookFile(source, use_directory_urls=config.use_directory_urls, site_dir=config.site_dir)
            file.alternates[language] = create_i18n_file(page, language, i18n.default_language, i18n.all_languages, config)


@event_priority(-10)  # after mkdocs-jupyter, which set an absolute ``nb_url`` and its own rendering
def on_pre_page(page, config, files):
    """Render a notebook page in the site's markup; point its download link at the notebook beside it, relative to the site."""
    if isinstance(page.file, NotebookFile):
        page.nb_url = posixpath.join(posixpath.dirname(page.file.dest_uri), posixpath.basename(page.file.src_uri))
        page.render = _render_notebook.__get__(page)
    return page


def _render_notebook(page, config, files) -> None:
    """The ``render`` of a notebook page: its content and table of contents (hooks/notebook_cells.py)."""
    options = config.plugins["mkdocs-jupyter"].config
    notebook = rendered_notebook(page.file.abs_src_path, SOLUTION_LABEL[page.file.locale], options["toc_depth"])
    page.content, page.toc = notebook.html, get_toc(notebook.toc_tokens)
    if notebook.title is not None and not options["ignore_h1_titles"]:
        page.title = notebook.title


def on_page_content(html, page, config, files):
    """Point a notebook page's links to Markdown pages at those pages of the site."""
    if isinstance(page.file, NotebookFile):
        return _PAGE_LINK.sub(lambda link: _page_href(link, page.file, files), html)
    return html


def _page_href(link: re.Match, notebook: File, files) -> str:
    """The ``href`` of a link to a Markdown page, pointed at that page of the site (left as it is when no page has that file)."""
    source = posixpath.normpath(posixpath.join(posixpath.dirname(notebook.src_uri), link["target"]))
    target = files.get_file_from_path(source)
    if target is None:
        return link[0]
    return f'href="{target.url_relative_to(notebook)}{link["fragment"] or ""}"'

