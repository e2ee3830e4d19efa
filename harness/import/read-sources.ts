/**
 * Recognises each SOURCE (a .tf folder or file, a Terraform plan JSON, a CloudFormation template in JSON
 * or YAML, cdk.out, IAM CLI JSON) and reads it into the intermediate model.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../errors.js';
import { isCloudFormationTemplate, parseTemplateText, readTemplateSource } from './cloudformation/template-source.js';
import { IamCliReader, isIamCliOutput } from './iam-cli-source.js';
import { mergeSources, type ImportOptions, type ImportedSources } from './model.js';
import { readHclSource } from './terraform/hcl-source.js';
import { isTerraformPlan, readPlanSource } from './terraform/plan-source.js';

type Resolved = ImportOptions & { accountId: string; region: string };
const display = (file: string) => path.relative(process.cwd(), file) || file;

function unsupported(file: string, why: string): HarnessError {
  return new HarnessError('IMPORT_INPUT', `${display(file)}: ${why}; expected a folder of .tf files, a Terraform plan JSON (terraform show -json), a CloudFormation template (JSON or YAML, cdk.out) or IAM JSON printed by the AWS CLI`);
}

function parseJsonOrYaml(file: string, text: string): unknown {
  if (/\.(json)$/i.test(file)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new HarnessError('IMPORT_INPUT', `${display(file)}: not valid JSON: ${(error as Error).message}`);
    }
  }
  return parseTemplateText(text, display(file));
}

export async function readSources(paths: readonly string[], options: Resolved): Promise<ImportedSources> {
  const read: ImportedSources[] = [];
  const iam = new IamCliReader();
  const files: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(given);
    let isDir: boolean;
    try {
      isDir = statSync(absolute).isDirectory();
    } catch {
      throw new HarnessError('FILE_NOT_FOUND', `${given}: no such file or directory`);
    }
    if (isDir) {
      const names = readdirSync(absolute);
      if (names.some((n) => n.endsWith('.tf'))) read.push(await readHclSource(absolute, options, display));
      else if (names.some((n) => n.endsWith('.template.json'))) files.push(...names.filter((n) => n.endsWith('.template.json')).sort().map((n) => path.join(absolute, n)));
      else throw unsupported(absolute, 'a directory with neither .tf files nor *.template.json (cdk.out)');
    } else if (absolute.endsWith('.tf')) read.push(await readHclSource(absolute, options, display));
    else files.push(absolute);
  }
  for (const file of files) {
    const data = parseJsonOrYaml(file, readFileSync(file, 'utf8'));
    if (isTerraformPlan(data)) read.push(readPlanSource(data as Record<string, unknown>, display(file), options));
    else if (isCloudFormationTemplate(data)) read.push(readTemplateSource(data as Record<string, unknown>, display(file), options));
    else if (isIamCliOutput(data)) iam.add(data as Record<string, unknown>, display(file));
    else throw unsupported(file, 'not a recognised format');
  }
  read.push(iam.finish());
  return mergeSources(read);
}
