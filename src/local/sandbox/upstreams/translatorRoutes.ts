import { INVALID_JSON, type SandboxHandler } from '../sandboxHttp.js';
import { detectLanguage, romanize } from '../translator/sandboxTranslate.js';
import { sandboxTranslate } from '../translator/sandboxTranslate.js';
import { TRANSLATOR_API_VERSION, translatorError, translatorOk } from './translatorAnswers.js';

/** Per-request limits of the Text Translation API: elements and characters. */
const MAX_ELEMENTS = 1000;
const MAX_CHARACTERS = 50_000;

/** Transliterations the sandbox can do deterministically: Hangul and Kana to Latin. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = { ko: 'Kore', ja: 'Jpan' };

interface Input {
  text: string;
  language?: string;
  targets?: { language: string }[];
}

function readInputs(body: unknown, withTargets: boolean): Input[] | string {
  if (body === INVALID_JSON || typeof body !== 'object' || body === null)
    return 'The body is not valid JSON.';
  const inputs = (body as { inputs?: unknown }).inputs;
  if (!Array.isArray(inputs) || inputs.length === 0) return 'The body must have a non-empty "inputs" array.';
  if (inputs.length > MAX_ELEMENTS) return `The request has more than ${MAX_ELEMENTS} elements.`;
  let characters = 0;
  for (const input of inputs as Input[]) {
    if (typeof input?.text !== 'string') return 'Every input needs a "text" string.';
    if (withTargets && (!Array.isArray(input.targets) || input.targets.length === 0))
      return 'Every input needs a non-empty "targets" array.';
    characters += [...input.text].length * (withTargets ? input.targets!.length : 1);
  }
  if (characters > MAX_CHARACTERS) return `The request has more than ${MAX_CHARACTERS} characters.`;
  return inputs as Input[];
}

const apiVersionError = (url: URL) =>
  url.searchParams.get('api-version') === TRANSLATOR_API_VERSION
    ? undefined
    : translatorError(
        400,
        '400021',
        `The API version parameter is missing or invalid (expected ${TRANSLATOR_API_VERSION}).`,
      );

/** `POST /translate`: every input into each of its targets, from the glossary or romanized. */
const translate: SandboxHandler = (req) => {
  const versionError = apiVersionError(req.url);
  if (versionError) return versionError;
  const inputs = readInputs(req.body, true);
  if (typeof inputs === 'string') return translatorError(400, '400000', inputs);
  return translatorOk({
    value: inputs.map((input) => {
      const from = input.language ?? detectLanguage(input.text);
      return {
        ...(input.language ? {} : { detectedLanguage: { language: from, score: 1 } }),
        translations: input.targets!.map((target) => ({
          language: target.language,
          sourceCharacters: [...input.text].length,
          text: sandboxTranslate(input.text, from, target.language),
        })),
      };
    }),
  });
};

/** `POST /transliterate?language=&fromScript=&toScript=`: Korean and Japanese to Latin. */
const transliterate: SandboxHandler = (req) => {
  const versionError = apiVersionError(req.url);
  if (versionError) return versionError;
  const language = req.url.searchParams.get('language') ?? '';
  const fromScript = req.url.searchParams.get('fromScript') ?? '';
  const toScript = req.url.searchParams.get('toScript') ?? '';
  if (!language || !fromScript || !toScript)
    return translatorError(400, '400000', 'language, fromScript and toScript are required.');
  if (TRANSLITERATIONS[language] !== fromScript || toScript !== 'Latn')
    return translatorError(
      400,
      '400018',
      `Transliteration of ${language} from ${fromScript} to ${toScript} is not supported.`,
    );
  const inputs = readInputs(req.body, false);
  if (typeof inputs === 'string') return translatorError(400, '400000', inputs);
  return translatorOk({ value: inputs.map((input) => ({ text: romanize(input.text), script: 'Latn' })) });
};

/** The Translator handler for a method and path, if Translator has one. */
export function translatorRoute(method: string, path: string): SandboxHandler | undefined {
  if (method !== 'POST') return undefined;
  if (path === '/translate') return translate;
  if (path === '/transliterate') return transliterate;
  return undefined;
}
