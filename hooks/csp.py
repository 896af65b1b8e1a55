"""Hook: give every page a Content-Security-Policy that allows only its own origin. Logic: handbook/csp.py."""
from handbook.csp import apply


def on_post_page(output, page, config):
    return apply(output)


def on_post_template(output_content, template_name, config):  # 404.html is a template, not a page
    return apply(output_content)
