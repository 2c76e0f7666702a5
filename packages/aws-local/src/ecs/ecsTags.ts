import { EcsTag } from '../util/tags';
import { ecsErrors } from './ecsErrors';

// ECS's Tag shape: keys 1-128 and values 0-256 characters (Unicode code
// points), of letters, numbers, spaces and `_ . : / = + - @` only, and at most
// 50 tags on one resource. The API front end rejects anything else before the
// operation runs, with AWS's validation wording.
const MAX_KEY = 128;
const MAX_VALUE = 256;
export const MAX_TAGS_PER_RESOURCE = 50;
const TAG_PATTERN_SOURCE = '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$';
const TAG_PATTERN = new RegExp(TAG_PATTERN_SOURCE, 'u');

function violation(value: string, at: string, constraint: string) {
  return ecsErrors.invalidParameter(
    `1 validation error detected: Value '${value}' at '${at}' failed to satisfy constraint: ${constraint}`,
  );
}

function checkText(value: string, at: string, max: number) {
  if ([...value].length > max) {
    throw violation(
      value,
      at,
      `Member must have length less than or equal to ${max}`,
    );
  }
  if (!TAG_PATTERN.test(value)) {
    throw violation(
      value,
      at,
      `Member must satisfy regular expression pattern: ${TAG_PATTERN_SOURCE}`,
    );
  }
}

/** Checks tags as given in one request (`tags.N.member`, counted from 1). */
export function checkTags(tags: EcsTag[]): void {
  if (tags.length > MAX_TAGS_PER_RESOURCE) {
    throw ecsErrors.invalidParameter(
      `A resource can have at most ${MAX_TAGS_PER_RESOURCE} tags; the request has ${tags.length}.`,
    );
  }
  tags.forEach((tag, index) => {
    if (!tag || typeof tag.key !== 'string' || tag.key === '') {
      throw ecsErrors.invalidParameter('Tag keys must be specified.');
    }
    if (tag.key.toLowerCase().startsWith('aws:')) {
      throw ecsErrors.invalidParameter(
        `Tag keys beginning with 'aws:' are reserved: ${tag.key}`,
      );
    }
    const at = `tags.${index + 1}.member`;
    checkText(tag.key, `${at}.key`, MAX_KEY);
    if (tag.value !== undefined && tag.value !== null) {
      if (typeof tag.value !== 'string') {
        throw ecsErrors.invalidParameter(`${at}.value must be a string.`);
      }
      checkText(tag.value, `${at}.value`, MAX_VALUE);
    }
  });
}

/** TagResource: the merged set must stay within the per-resource limit. */
export function checkTagCount(merged: EcsTag[]): void {
  if (merged.length > MAX_TAGS_PER_RESOURCE) {
    throw ecsErrors.invalidParameter(
      `A resource can have at most ${MAX_TAGS_PER_RESOURCE} tags; this request would leave ${merged.length}.`,
    );
  }
}
