/** `npm run docs`: regenerate the README settings table and local.settings.sample.json from the schema. */
import { readFileSync, writeFileSync } from 'node:fs';

import { localSettingsValues, replaceSettingsBlock } from '../src/shared/config/settingsDocs.js';

writeFileSync('README.md', replaceSettingsBlock(readFileSync('README.md', 'utf8')));
writeFileSync(
  'local.settings.sample.json',
  JSON.stringify(
    { IsEncrypted: false, Values: localSettingsValues(), Host: { CORS: '*', LocalHttpPort: 7071 } },
    null,
    2,
  ) + '\n',
);
console.log('README.md settings table and local.settings.sample.json updated');
