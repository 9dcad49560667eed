import { describe, expect, it } from 'vitest';

import { at, BicepFile, literalOf, stringOf, textOf } from './support/bicepFile.js';
import { parseValue } from './support/bicepSyntax.js';
import { stringLiteral, tokenize } from './support/bicepTokens.js';

// The infra tests are only as good as this reader of Bicep text, so its tricky cases are pinned here.
describe('Bicep reader used by the infra tests', () => {
  it('keeps interpolated strings (with nested quotes and braces) as one token and drops comments', () => {
    const tokens = tokenize("x: 'a${f('}')}b' // '{\n/* } */ y: 1");
    expect(tokens.map((t) => t.text)).toEqual(['x', ':', "'a${f('}')}b'", '\n', 'y', ':', '1']);
  });

  it('decodes plain string literals and refuses interpolated ones', () => {
    const [plain, escaped, interpolated] = tokenize("'Node|22' 'it\\'s' 'v${x}'");
    expect(stringLiteral(plain!)).toBe('Node|22');
    expect(stringLiteral(escaped!)).toBe("it's");
    expect(stringLiteral(interpolated!)).toBeUndefined();
  });

  it('reads nested objects, arrays, quoted keys and multi-line expressions', () => {
    const node = parseValue(`{
      sku: {
        name: 'EP1'
      }
      'maxmemory-policy': 'allkeys-lru'
      list: ['a', 'b']
      cond: x == 'y' ? union(a, {
        b: 1
      }) : {}
      flag: true
    }`);
    expect(stringOf(at(node, 'sku.name'))).toBe('EP1');
    expect(stringOf(at(node, 'maxmemory-policy'))).toBe('allkeys-lru');
    expect(at(node, 'list')?.kind).toBe('array');
    expect(textOf(at(node, 'cond'))).toContain('union(a, {');
    expect(literalOf(at(node, 'flag'))).toBe(true);
  });

  it('finds resources with decorators, existing, conditions and loops', () => {
    const file = new BicepFile(
      'inline.bicep',
      `@description('x')
param name string = 'a'
resource old 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: name
}
resource maybe 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(name)) {
  name: 'kakao-rest-api-key'
}
resource many 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for (zone, i) in zones: {
    name: zone.value
  }
]
module m 'modules/x.bicep' = {
  name: 'm'
  params: {
    a: 1
  }
}`,
    );
    expect(file.resources().map((r) => [r.name, r.existing, r.condition, r.loop])).toEqual([
      ['old', true, undefined, false],
      ['maybe', false, '!empty(name)', false],
      ['many', false, undefined, true],
    ]);
    expect(textOf(at(file.find('resource', 'many').value, 'name'))).toBe('zone.value');
    expect(literalOf(at(file.modules('modules/x.bicep')[0]!.value, 'params.a'))).toBe(1);
    expect(stringOf(file.find('param', 'name').value)).toBe('a');
  });
});
