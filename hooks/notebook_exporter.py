"""MkDocs hook: mkdocs-jupyter renders notebooks without nbconvert's repeated checks and second pass.

mkdocs-jupyter renders each notebook with nbconvert twice (HTML, then Markdown for the table of
contents). It is handed exporters that skip three costs, and the site's HTML is the same:

- mkdocs-jupyter makes two new exporters for every notebook, and setting one up (its
  configuration, preprocessors and Jinja environment) cost as much as rendering with it. Each
  exporter is made once for each set of arguments mkdocs-jupyter passes, and reused: an
  exporter keeps nothing from one notebook to the next but its set-up. (mkdocs-jupyter passes
  a new highlighting function each time, the same code with the same extra CSS classes: the
  arguments compare by the function's code and captured values.)
- nbconvert checks the notebook against the notebook schema after each of its dozen
  preprocessors, a fifth of a notebook's rendering; its documented ``optimistic_validation``
  option checks it once, after the last one, which still stops a broken notebook.
- nbconvert's HTML exporter, once its template has rendered a notebook, parses the HTML again
  with BeautifulSoup to give each image without alt text a placeholder one and to make the
  cells' wrappers focusable (``tabindex``), then writes it all out again: half of what was left.
  hooks/notebook_markup.py parses that HTML anyway and keeps only what the cells hold, never the
  wrappers that carry ``tabindex``, and gives an image without alt text nbconvert's placeholder
  itself; so the HTML exporter stops before that pass.
"""

from collections.abc import Callable

import mkdocs_jupyter.nbconvert2 as mkdocs_nbconvert
from nbconvert.exporters.html import HTMLExporter
from nbconvert.exporters.markdown import MarkdownExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from traitlets import default


class TemplateOnlyHTMLExporter(HTMLExporter):
    """nbconvert's HTML exporter (7.17), checking once, its template's HTML returned without a second pass."""

    @default("optimistic_validation")
    def _check_once(self) -> bool:
        return True

    def from_notebook_node(self, nb, resources=None, **kw):
        """Render ``nb`` as :class:`HTMLExporter` does, up to its pass over the rendered HTML."""
        language = nb.metadata.get("language_info", {})
        lexer = language.get("pygments_lexer", language.get("name", None))
        highlight = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
        self.register_filter("highlight_code", highlight)
        resources = self._init_resources(resources)
        data_types = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources)
        self.register_filter("filter_data_type", data_types)
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


class CheckOnceMarkdownExporter(MarkdownExporter):
    """nbconvert's Markdown exporter, checking the notebook once, after its last preprocessor."""

    @default("optimistic_validation")
    def _check_once(self) -> bool:
        return True


def reused(exporter_class: type) -> Callable:
    """``exporter_class``, made once for each set of arguments and then handed out again."""
    made = {}

    def exporter(**arguments):
        key = repr(sorted((name, _comparable(value)) for name, value in arguments.items()))
        if key not in made:
            made[key] = exporter_class(**arguments)
        return made[key]

    return exporter


def _comparable(value):
    """``value`` in a form whose ``repr`` is the same for equal arguments; a function by its code and captures."""
    if isinstance(value, dict):
        return sorted((name, _comparable(item)) for name, item in value.items())
    if callable(value) and hasattr(value, "__code__"):
        captured = tuple(cell.cell_contents for cell in value.__closure__ or ())
        return (value.__module__, value.__qualname__, captured)
    return value


def on_startup(**_) -> None:
    """Hand mkdocs-jupyter the exporters that are made once, check once and skip the second pass."""
    mkdocs_nbconvert.HTMLExporter = reused(TemplateOnlyHTMLExporter)
    mkdocs_nbconvert.MarkdownExporter = reused(CheckOnceMarkdownExporter)
