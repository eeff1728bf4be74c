/**
 * Checking a pre-chat or leave-a-message form (V4, V6) against the site's
 * fields. The widget checks too; the hub decides.
 */
import { ERROR_CODES } from '../protocol/error-codes.js';
import type { FormField } from '../protocol/model.js';
import { fail } from './command.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TEL = /^[0-9+()\-.\s]{3,40}$/;

/**
 * Returns the answers to keep: trimmed, only the site's fields (any answers
 * when the site declares none). Throws `invalid_form` naming the first bad field.
 */
export function validateForm(
  fields: readonly FormField[],
  answers: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  if (fields.length === 0) return answers;
  const kept: Record<string, string> = {};
  for (const field of fields) {
    const value = Object.hasOwn(answers, field.name) ? answers[field.name]?.trim() ?? '' : '';
    if (value === '') {
      if (field.required) fail(ERROR_CODES.invalidForm, `"${field.label}" is required.`);
      continue;
    }
    if (field.kind === 'select' && !(field.options ?? []).some((o) => o.value === value)) {
      fail(ERROR_CODES.invalidForm, `"${field.label}" must be one of its options.`);
    }
    if (field.kind === 'email' && !EMAIL.test(value)) fail(ERROR_CODES.invalidForm, `"${field.label}" is not an e-mail address.`);
    if (field.kind === 'tel' && !TEL.test(value)) fail(ERROR_CODES.invalidForm, `"${field.label}" is not a phone number.`);
    kept[field.name] = value;
  }
  return kept;
}

/** The label of each answered field, as `fields` names it: what an agent or an e-mail shows beside the answer. */
export function labelsOf(fields: readonly FormField[], answers: Readonly<Record<string, string>>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const field of fields) if (Object.hasOwn(answers, field.name)) labels[field.name] = field.label;
  return labels;
}

/** The group a "question type" answer routes to: the first select option chosen that names one. */
export function groupFromForm(fields: readonly FormField[], answers: Readonly<Record<string, string>>): string | undefined {
  for (const field of fields) {
    if (field.kind !== 'select') continue;
    const chosen = field.options?.find((o) => o.value === answers[field.name]);
    if (chosen?.groupId !== undefined) return chosen.groupId;
  }
  return undefined;
}
