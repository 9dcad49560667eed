import { runBicep } from './bicepCli.js';

/** A resource of a compiled ARM template (only the fields the tests read are typed). */
export interface ArmResource {
  type: string;
  name: string;
  apiVersion?: string;
  kind?: string;
  identity?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  sku?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ArmTemplate {
  resources: ArmResource[] | Record<string, ArmResource>;
  parameters?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  [key: string]: unknown;
}

const compiled = new Map<string, ArmTemplate>();

/** The ARM JSON of a Bicep file (repository-relative path), compiled by the real Bicep CLI to stdout. */
export function compileBicep(path: string): ArmTemplate {
  let template = compiled.get(path);
  if (!template) {
    const run = runBicep(['build', path, '--stdout']);
    if (run.status !== 0) throw new Error(`bicep build ${path} failed: ${run.stdout}`);
    template = JSON.parse(run.stdout) as ArmTemplate;
    compiled.set(path, template);
  }
  return template;
}

function resourcesOf(template: ArmTemplate): ArmResource[] {
  return Array.isArray(template.resources) ? template.resources : Object.values(template.resources);
}

/**
 * Every resource of a template and of the templates of its modules (nested `Microsoft.Resources/deployments`),
 * depth first, each with the name of the module that declares it.
 */
export function allResources(template: ArmTemplate, module = 'main'): (ArmResource & { module: string })[] {
  return resourcesOf(template).flatMap((resource) => {
    const own = { ...resource, module };
    const nested = (resource.properties?.template as ArmTemplate | undefined) ?? undefined;
    if (resource.type !== 'Microsoft.Resources/deployments' || !nested) return [own];
    const name = String(resource.name).replace(/^\[?'?|'?\]?$/g, '');
    return [own, ...allResources(nested, name)];
  });
}

/** The resources of one type (case-insensitive), across all modules. */
export function resourcesOfType(template: ArmTemplate, type: string): (ArmResource & { module: string })[] {
  return allResources(template).filter((r) => r.type.toLowerCase() === type.toLowerCase());
}

/** The one resource of `type`; fails when there is not exactly one. */
export function onlyResource(template: ArmTemplate, type: string): ArmResource & { module: string } {
  const found = resourcesOfType(template, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}
