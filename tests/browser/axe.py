"""axe-core, run inside the page by the browser suite.

The script is the npm package's own build (`node_modules/axe-core/axe.min.js`, installed by
`npm ci` in the Makefile's `player` target); it is read from disk and given to the browser
context as an init script (`with_axe`), never fetched. The pages keep their own Content
Security Policy: an init script is not subject to it, where a script tag would be refused.
"""

from __future__ import annotations

from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, and axe's best practices.
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = frozenset({"serious", "critical"})

_RUN = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
  });
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => ({
      target: node.target.join(' '),
      impact: node.impact,
      summary: node.failureSummary,
    })),
  }));
}"""


def with_axe(context):
    """`context` with axe-core in every page it opens, before the page's own scripts.

    An init script is handed to the browser once (a script tag would carry the 650 KB
    again for every page) and is not subject to the pages' Content Security Policy.
    """
    assert AXE_SCRIPT.exists(), f"{AXE_SCRIPT} is missing: `make player` installs it (npm ci)"
    context.add_init_script(path=str(AXE_SCRIPT))
    return context


def axe_violations(page) -> list[dict]:
    """Every violation axe finds on the page as it is now: id, impact, help and targets.

    The page belongs to a context given axe by `with_axe`.
    """
    return page.evaluate(_RUN, RULE_TAGS)


def serious_violations(page, where: str) -> list[str]:
    """One line per serious or critical violation: rule id, target, what is wrong, and `where`."""
    lines = []
    for violation in axe_violations(page):
        for node in violation["targets"]:
            if (node["impact"] or violation["impact"]) in FAILING_IMPACTS:
                summary = " ".join((node["summary"] or violation["help"]).split())
                lines.append(f"{where}: {violation['id']} at {node['target']}: {summary}")
    return lines
