/**
 * Validation of site settings sent by an admin (`PATCH /api/site`). Every
 * setting is optional in a patch; a present one replaces the stored value,
 * `null` clears an optional one.
 */
import type { FormField, InviteRule, SiteSettings } from '@parley/core/hub';
import { parseIpAllowList } from '../auth/ip-allow-list.js';
import { badRequest } from './errors.js';
import { Fields, ID_RULE, type StringRule } from './input.js';

type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

const LONG: StringRule = { max: 4000 };
const FIELD_NAME: StringRule = { min: 1, max: 64, pattern: /^[A-Za-z0-9_.-]+$/, patternHint: 'may hold only letters, digits, _, . and -' };
/** A text key, for every language (`launcher.open`) or one (`ja/launcher.open`, `zh-TW/launcher.open`), as the elements read them. */
const TEXT_KEY: StringRule = {
  min: 1,
  max: 128,
  pattern: /^(?:[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\/)?[A-Za-z0-9_.-]+$/,
  patternHint: 'may hold only letters, digits, _, . and -, after an optional language and / (ja/launcher.open)',
};
const THEME_KEY: StringRule = { min: 1, max: 64, pattern: /^[a-z0-9-]+$/, patternHint: 'may hold only a-z, 0-9 and -' };
// A theme value ends up in a CSS custom property: nothing that could close the declaration or a block.
const THEME_VALUE: StringRule = { max: 256, pattern: /^[^;{}<>\\]*$/, patternHint: 'may not contain ; { } < > or \\' };

/** Checks `value` is an origin (`https://shop.example`, no path). */
function origin(value: unknown, name: string, fields: Fields): string {
  const text = fields.checkString(value, name, { max: 2048 });
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw badRequest(`"${name}" must be an origin such as https://shop.example.`);
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.origin !== text) {
    throw badRequest(`"${name}" must be an origin such as https://shop.example (scheme, host and port only).`);
  }
  return text;
}

function formField(value: unknown, name: string): FormField {
  const f = Fields.of(value, name);
  const options = f.optionalList('options', 100, (v, n) => {
    const o = Fields.of(v, n);
    const groupId = o.optionalString('groupId', ID_RULE);
    const option = { value: o.string('value'), label: o.string('label'), ...(groupId !== undefined && { groupId }) };
    o.done();
    return option;
  });
  const field: FormField = {
    name: f.string('name', FIELD_NAME),
    label: f.string('label'),
    kind: f.oneOf('kind', ['text', 'email', 'tel', 'textarea', 'select'] as const),
    required: f.optionalBoolean('required') ?? false,
    ...(options !== undefined && { options }),
  };
  f.done();
  if (field.kind === 'select' && !field.options?.length) throw badRequest(`"${name}.options" is required for a select field.`);
  return field;
}

function formFields(fields: Fields, key: string): FormField[] | undefined {
  const list = fields.optionalList(key, 50, formField);
  if (list && new Set(list.map((f) => f.name)).size !== list.length) throw badRequest(`"${key}" has two fields with one name.`);
  return list;
}

function inviteRule(value: unknown, name: string): InviteRule {
  const r = Fields.of(value, name);
  const urlContains = r.optionalString('urlContains', { max: 2048 });
  const proactive = r.optionalBoolean('proactive');
  const rule: InviteRule = {
    name: r.string('name', { min: 1, max: 64 }),
    delaySeconds: r.optionalInt('delaySeconds', 0, 86_400) ?? 0,
    ...(urlContains !== undefined && { urlContains }),
    maxTimes: r.optionalInt('maxTimes', 1, 1000) ?? 1,
    intervalSeconds: r.optionalInt('intervalSeconds', 0, 31_536_000) ?? 0,
    expirySeconds: r.optionalInt('expirySeconds', 1, 86_400) ?? 60,
    message: r.string('message', { min: 1, max: 4000 }),
    ...(proactive !== undefined && { proactive }),
  };
  r.done();
  return rule;
}

/**
 * Reads a settings patch and applies it to `current`. `clientIp` is the
 * admin's own address: a login allow-list that would shut them out is refused.
 */
export function applySettingsPatch(current: SiteSettings, value: unknown, clientIp: string): SiteSettings {
  const f = Fields.of(value, 'settings');
  const next: Mutable<SiteSettings> = { ...current };
  const set = <K extends keyof SiteSettings>(key: K, v: SiteSettings[K] | undefined) => {
    if (v !== undefined) next[key] = v;
  };
  set('typingPreview', f.optionalBoolean('typingPreview'));
  set('pushOrigins', f.optionalList('pushOrigins', 100, (v, n) => origin(v, n, f)));
  set('allowedOrigins', f.optionalList('allowedOrigins', 100, (v, n) => origin(v, n, f)));
  set('preChatFields', formFields(f, 'preChatFields'));
  set('offlineFields', formFields(f, 'offlineFields'));
  set('texts', f.optionalStringMap('texts', 500, TEXT_KEY, LONG));
  set('theme', f.optionalStringMap('theme', 100, THEME_KEY, THEME_VALUE));
  set('routing', f.optionalOneOf('routing', ['service', 'sales'] as const));
  set('inviteRules', f.optionalList('inviteRules', 50, inviteRule));
  set('transferTimeoutSeconds', f.optionalInt('transferTimeoutSeconds', 5, 3600));
  set('inviteExpirySeconds', f.optionalInt('inviteExpirySeconds', 5, 86_400));
  set('queueTimeoutSeconds', f.optionalInt('queueTimeoutSeconds', 0, 86_400));

  const welcome = f.nullableString('welcomeMessage', LONG);
  if (welcome === null) delete next.welcomeMessage;
  else if (welcome !== undefined) next.welcomeMessage = welcome;

  const autoReply = f.raw('autoReply');
  if (autoReply === null) delete next.autoReply;
  else if (autoReply !== undefined) {
    const a = Fields.of(autoReply, 'settings.autoReply');
    next.autoReply = {
      afterSeconds: a.optionalInt('afterSeconds', 1, 86_400) ?? 60,
      maxTimes: a.optionalInt('maxTimes', 1, 100) ?? 1,
      text: a.string('text', { min: 1, max: 4000 }),
    };
    a.done();
  }

  const allowList = f.optionalStringList('loginIpAllowList', 200, { min: 1, max: 64 });
  if (allowList !== undefined) {
    const parsed = parseIpAllowList(allowList);
    if (parsed.invalid.length > 0) throw badRequest(`"settings.loginIpAllowList" has entries that are not IPs or CIDR ranges: ${parsed.invalid.join(', ')}.`);
    if (!parsed.list.allows(clientIp)) {
      throw badRequest(`"settings.loginIpAllowList" would not allow your own address (${clientIp}); add it, or you could not sign in again.`);
    }
    next.loginIpAllowList = allowList;
  }
  f.done();
  return next as SiteSettings;
}
