import { describe, expect, it } from 'vitest';

import { readRepoFile } from './support/infraFiles.js';

const workflow = readRepoFile('.github/workflows/deploy.yml');

/** The text of one job (from `  <name>:` to the next job or the end). */
function job(name: string): string {
  const start = workflow.indexOf(`\n  ${name}:\n`);
  if (start < 0) throw new Error(`deploy.yml has no job '${name}'`);
  const rest = workflow.slice(start + 1);
  const next = rest.slice(1).search(/\n {2}[\w-]+:\n/);
  return next < 0 ? rest : rest.slice(0, next + 1);
}

/** `run:` commands of a job in order, folded (`>`) blocks joined into one line. */
function runs(jobText: string): string[] {
  const commands: string[] = [];
  const lines = jobText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^\s+(?:- )?run: (.*)$/.exec(lines[i]!);
    if (!match) continue;
    if (match[1] !== '>' && match[1] !== '|') {
      commands.push(match[1]!);
      continue;
    }
    const indent = /^\s*/.exec(lines[i + 1] ?? '')![0].length;
    const block: string[] = [];
    while (i + 1 < lines.length && /^\s*/.exec(lines[i + 1]!)![0].length >= indent && lines[i + 1]!.trim()) {
      block.push(lines[++i]!.trim());
    }
    commands.push(block.join(' '));
  }
  return commands;
}

describe('GitHub Actions deploy workflow', () => {
  it('may request an OIDC token and otherwise only read the repository', () => {
    expect(workflow).toMatch(/^permissions:\n {2}id-token: write\b.*\n {2}contents: read$/m);
  });

  it('builds and runs npm test with redis-server installed, on Node 22', () => {
    const commands = runs(job('test'));
    const install = commands.findIndex((c) => /apt-get install -y redis-server/.test(c));
    const test = commands.indexOf('npm test');
    expect(install).toBeGreaterThanOrEqual(0);
    expect(test).toBeGreaterThan(install);
    expect(commands.indexOf('npm ci')).toBeLessThan(test);
    expect(commands).toContain('npm run build');
    expect(job('test')).toMatch(/node-version: 22\b/);
    const bicep = commands.findIndex((c) => c.includes('bash .ci/install-bicep'));
    expect(bicep).toBeGreaterThanOrEqual(0);
    expect(bicep).toBeLessThan(test);
    expect(commands[bicep]).toContain('BICEP_BIN=');
  });

  it('provisions and deploys with azd after the tests pass, signed in with a federated credential', () => {
    const deploy = job('deploy');
    expect(deploy).toMatch(/needs: test\b/);
    const commands = runs(deploy);
    const login = commands.findIndex((c) => c.startsWith('azd auth login'));
    expect(commands[login]).toMatch(/--federated-credential-provider github/);
    expect(commands[login]).toMatch(/--client-id "\$AZURE_CLIENT_ID"/);
    const provision = commands.indexOf('azd provision --no-prompt');
    const release = commands.indexOf('azd deploy --no-prompt');
    expect(login).toBeGreaterThanOrEqual(0);
    expect(provision).toBeGreaterThan(login);
    expect(release).toBeGreaterThan(provision);
    expect(commands.indexOf('npm run openapi')).toBeLessThan(provision);
    expect(deploy).toMatch(/uses: Azure\/setup-azd@v\d/);
  });

  it('stores no secret: Azure ids come from repository variables', () => {
    expect(workflow).not.toMatch(/secrets\./);
    expect(workflow).not.toMatch(/client-secret|AZURE_CREDENTIALS|creds:/i);
    for (const name of [
      'AZURE_CLIENT_ID',
      'AZURE_TENANT_ID',
      'AZURE_SUBSCRIPTION_ID',
      'AZURE_ENV_NAME',
      'AZURE_LOCATION',
    ]) {
      expect(job('deploy')).toContain(`${name}: \${{ vars.${name} }}`);
    }
  });

  it('passes the required azd parameters (main.parameters.json) from repository variables', () => {
    const parameters = readRepoFile('infra/bicep/main.parameters.json');
    for (const name of ['AUTH_AUDIENCE', 'APIM_PUBLISHER_EMAIL']) {
      expect(parameters).toContain(`\${${name}}`);
      expect(job('deploy')).toContain(`${name}: \${{ vars.${name} }}`);
    }
  });

  it('never deploys from a pull request', () => {
    expect(job('deploy')).toMatch(/if: github\.event_name != 'pull_request'/);
  });
});
