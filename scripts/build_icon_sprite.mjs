// Writes one SVG sprite holding only the icons the templates use, from the npm
// package lucide-static (pinned in package-lock.json). Templates name icons as
// {% icon "name" %} (cms/templatetags/icons.py), always with a literal name, so
// reading the templates finds them all. The file is rewritten only when it changes.
// Usage: node scripts/build_icon_sprite.mjs OUT_FILE [PROJECT_ROOT]
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';

const require = createRequire(import.meta.url);
const iconNodes = require('lucide-static/icon-nodes.json');
const {version} = require('lucide-static/package.json');

// Folders that hold no project templates (dependencies, built and local files).
const SKIPPED = new Set([
  '.git', '.venv', 'node_modules', 'static', 'media', 'var', '.tmp', '.hypothesis',
  '.pytest_cache', '.ruff_cache', '__pycache__',
]);
const ICON_TAG = /\{%\s*icon\s+["']([a-z0-9-]+)["']/g;

function templateFiles(folder, insideTemplates = false) {
  const found = [];
  for (const entry of readdirSync(folder, {withFileTypes: true})) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name) && !entry.name.endsWith('.egg-info')) {
        found.push(...templateFiles(path, insideTemplates || entry.name === 'templates'));
      }
    } else if (insideTemplates && /\.(html|txt|svg)$/.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

function usedIcons(root) {
  const names = new Set();
  for (const file of templateFiles(root)) {
    for (const match of readFileSync(file, 'utf8').matchAll(ICON_TAG)) names.add(match[1]);
  }
  return [...names].sort();
}

function escapeAttribute(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function element([tag, attributes]) {
  const text = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return `<${tag}${text}/>`;
}

const [outFile, root = '.'] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: node scripts/build_icon_sprite.mjs OUT_FILE [PROJECT_ROOT]');
  process.exit(2);
}
const names = usedIcons(root);
const unknown = names.filter((name) => !iconNodes[name]);
if (unknown.length) {
  console.error(`icons not in lucide-static ${version}: ${unknown.join(', ')}`);
  process.exit(1);
}
// Stroke settings on each symbol: <use> copies them with the shapes, and currentColor
// follows the text colour around the icon.
const symbols = names.map(
  (name) =>
    `<symbol id="${name}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" ` +
    `stroke-linecap="round" stroke-linejoin="round">${iconNodes[name].map(element).join('')}</symbol>`,
);
const sprite =
  `<svg xmlns="http://www.w3.org/2000/svg">` +
  `<!-- Lucide icons (lucide-static ${version}), ISC licence; those derived from Feather, MIT licence. -->\n` +
  `${symbols.join('\n')}\n</svg>\n`;
if (!existsSync(outFile) || readFileSync(outFile, 'utf8') !== sprite) {
  mkdirSync(dirname(outFile), {recursive: true});
  writeFileSync(outFile, sprite);
}
