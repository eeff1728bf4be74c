import type { FormField } from '@parley/core';

/** What is wrong with one answer. */
export type FieldProblem = 'missing' | 'email' | 'tel';

// The hub's own rules (core's hub/forms.ts), so the widget refuses what the hub would.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TEL = /^[0-9+()\-.\s]{3,40}$/;

/** The problems of a form's answers, by field name, in the fields' order. */
export function validateForm(fields: readonly FormField[], values: Readonly<Record<string, string>>): Map<string, FieldProblem> {
  const problems = new Map<string, FieldProblem>();
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (value === '') {
      if (field.required) problems.set(field.name, 'missing');
    } else if (field.kind === 'email' && !EMAIL.test(value)) {
      problems.set(field.name, 'email');
    } else if (field.kind === 'tel' && !TEL.test(value)) {
      problems.set(field.name, 'tel');
    }
  }
  return problems;
}

/** The answers to send: trimmed, empty ones left out. */
export function answersOf(fields: readonly FormField[], values: Readonly<Record<string, string>>): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (value !== '') answers[field.name] = value;
  }
  return answers;
}
