"""MkDocs hook: mkdocs-jupyter renders notebooks without nbconvert's last pass over the HTML.

nbconvert's HTML exporter, once its template has rendered a notebook, parses the HTML again with
BeautifulSoup to give each image without alt text a placeholder one and to make the cells'
wrappers focusable (``tabindex``), then writes it all out again: half the time a notebook took to
render. hooks/notebook_markup.py parses that HTML anyway and keeps only what the cells hold,
never the wrappers that carry ``tabindex``, and gives an image without alt text nbconvert's
placeholder itself; so mkdocs-jupyter is handed an exporter that stops before that pass, and the
site's HTML is the same.
"""

import mkdocs_jupyter.nbconvert2 as mkdocs_nbconvert
from nbconvert.exporters.html import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter


class TemplateOnlyHTMLExporter(HTMLExporter):
    """nbconvert's HTML exporter (7.17), its template's HTML returned without a second pass."""

    def from_notebook_node(self, nb, resources=None, **kw):
        """Render ``nb`` as :class:`HTMLExporter` does, up to its pass over the rendered HTML."""
        language = nb.metadata.get("language_info", {})
        lexer = language.get("pygments_lexer", language.get("name", None))
        self.register_filter("highlight_code", self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
        resources = self._init_resources(resources)
        data_types = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources)
        self.register_filter("filter_data_type", data_types)
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


def on_startup(**_) -> None:
    """Hand mkdocs-jupyter the exporter without the second pass."""
    mkdocs_nbconvert.HTMLExporter = TemplateOnlyHTMLExporter
